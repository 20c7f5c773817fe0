package app.marginalia.web.system;

import app.marginalia.web.Visitor;
import app.marginalia.web.group.GroupFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without {@code marginalia.base-url}, a spoofed {@code Host} header reaches neither a redirect
 * nor an invitation link: redirects are paths, invitation links are paths the page completes
 * with its own address.
 */
@QuarkusTest
class HostHeaderTest {

    static final String EVIL = "evil.example";

    /** A form post as from a page served under the spoofed Host (the CSRF check compares the two). */
    static Response postAs(Visitor who, String host, String path, String... fields) {
        var spec = who.request().header("Host", host).header("Origin", "http://" + host)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", who.csrf());
        for (int i = 0; i < fields.length; i += 2) {
            spec.formParam(fields[i], fields[i + 1]);
        }
        return spec.post(path);
    }

    /** The invitation links on the members page, fetched under the spoofed Host. */
    static List<String> invitationLinks(Visitor owner, String host, String location) {
        String page = owner.request().header("Host", host).get(location).then().statusCode(200).extract().asString();
        return Jsoup.parse(page).select("input[data-own-origin]").stream().map(Element::val).toList();
    }

    @Test
    void shouldRedirectToPathsWhateverTheHostHeaderSays() {
        String location = Visitor.anonymous().request().header("Host", EVIL).get("/").then().statusCode(303)
                .extract().header("Location");
        assertTrue(location.startsWith("/") && !location.startsWith("//"), location);

        Visitor ada = Visitor.register("hostada");
        String created = postAs(ada, EVIL, "/groups", "name", "Host club", "description", "", "timeZone", "UTC")
                .then().statusCode(303).extract().header("Location");
        assertTrue(created.matches("/groups/\\d+.*"), created);
        assertFalse(created.contains(EVIL));
    }

    @Test
    void shouldWriteInvitationLinksWithoutTheRequestsHost() {
        GroupFixture g = new GroupFixture();
        String location = postAs(g.owner, EVIL, "/groups/" + g.id + "/invitations", "days", "7")
                .then().statusCode(303).extract().header("Location");
        assertFalse(location.contains(EVIL), location);

        List<String> links = invitationLinks(g.owner, EVIL, location);
        assertEquals(3, links.size(), "the new link, then both invitations in the table: " + links);
        links.forEach(link -> assertTrue(link.matches("/invite/[A-Za-z0-9_-]+"), link));
        // The link works as written once the browser puts its own address in front.
        String token = links.get(0).substring("/invite/".length());
        assertEquals(200, Visitor.register("hostbob").get("/invite/" + token).statusCode());
    }
}
