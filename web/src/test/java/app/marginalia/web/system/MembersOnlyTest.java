package app.marginalia.web.system;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** The instance setting that closes the whole site to anyone without an account. */
@QuarkusTest
@TestProfile(MembersOnlyTest.MembersOnly.class)
class MembersOnlyTest {

    public static class MembersOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marginalia.members-only", "true",
                    "%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:members-only;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void shouldSendAnonymousVisitorsToSignInAndHideTheApi() {
        given().redirects().follow(false).get("/papers").then().statusCode(303)
                .header("Location", containsString("/login?next=%2Fpapers"));
        given().get("/api/papers").then().statusCode(401);
        given().get("/login").then().statusCode(200);
        given().get("/register").then().statusCode(200);
        given().get("/q/health").then().statusCode(200);
    }

    @Test
    void shouldShowEverythingToMembers() {
        Visitor member = Visitor.register("member");
        member.get("/papers").then().statusCode(200).body(containsString("Toy Models of Superposition"));
        member.request().get("/api/papers").then().statusCode(200);
    }
}
