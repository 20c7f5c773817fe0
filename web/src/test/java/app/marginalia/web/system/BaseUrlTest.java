package app.marginalia.web.system;

import app.marginalia.web.Visitor;
import app.marginalia.web.group.GroupFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.marginalia.web.system.HostHeaderTest.EVIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With {@code marginalia.base-url} set, absolute links and redirects use it, never the Host header. */
@QuarkusTest
@TestProfile(BehindProxy.class)
class BaseUrlTest {

    @Test
    void shouldBuildRedirectsAndInvitationLinksFromTheConfiguredAddress() {
        String home = Visitor.anonymous().request().header("Host", EVIL).get("/").then().statusCode(303)
                .extract().header("Location");
        assertTrue(home.startsWith(BehindProxy.BASE_URL + "/"), home);

        GroupFixture g = new GroupFixture();
        String location = HostHeaderTest.postAs(g.owner, EVIL, "/groups/" + g.id + "/invitations", "days", "7")
                .then().statusCode(303).extract().header("Location");
        assertTrue(location.startsWith(BehindProxy.BASE_URL + "/groups/" + g.id + "/members"), location);

        List<String> links = HostHeaderTest.invitationLinks(g.owner, EVIL,
                location.substring(BehindProxy.BASE_URL.length()));
        assertEquals(3, links.size(), "the new link, then both invitations in the table: " + links);
        links.forEach(link -> assertTrue(link.matches("https://reading\\.example\\.org/invite/[A-Za-z0-9_-]+"), link));
    }
}
