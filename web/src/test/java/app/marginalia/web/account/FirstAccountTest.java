package app.marginalia.web.account;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A new installation: the first person to register administers it and finds an example group. */
@QuarkusTest
@TestProfile(FirstAccountTest.NewInstallation.class)
class FirstAccountTest {

    /** An empty database of its own, so this test's registration is the first. */
    public static class NewInstallation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:new-installation;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void shouldMakeTheFirstAccountAdministratorAndOwnerOfAnExampleGroupWithTheSeedPapers() {
        Visitor first = Visitor.register("founder");
        Response groups = first.get("/groups").then().statusCode(200)
                .body(containsString("Example reading group"))
                .body(containsString("39 on the reading list"))
                .body(containsString("Next meeting")).extract().response();
        Element example = Visitor.html(groups).selectFirst("a[href^=/groups/]:containsOwn(Example reading group)");
        assertNotNull(example, "a link to the example group");
        String groupPath = example.attr("href");
        first.get(groupPath).then().statusCode(200)
                .body(containsString("Scheduled"))
                .body(containsString("Reading now"))
                .body(containsString("Proposed"))
                .body(containsString("added the 39 seed papers to the reading list"));
        first.get("/admin").then().statusCode(200).body(containsString("Re-run the seed import"))
                .body(containsString(first.username));
        first.post("/admin/seed-import").then().statusCode(303).header("Location", containsString("/admin"));
        first.get("/admin").then().body(containsString("Seed import finished: 0 papers created"))
                .body(containsString("administrator " + first.username));

        Visitor second = Visitor.register("follower");
        second.get("/groups").then().body(not(containsString("Example reading group")));
        second.get("/admin").then().statusCode(404);
        second.get(groupPath).then().statusCode(404);
    }
}
