package app.marginalia.web.account;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code next} parameter holding characters that make no URI (a space, | " < % ^ { `) is
 * answered like any other unsafe value: the sign-in and registration pages load, and after
 * signing in the visitor lands on a local page, never on a 500.
 */
@QuarkusTest
class NextParameterTest {

    @ParameterizedTest
    @ValueSource(strings = {" ", "|", "\"", "<", "%", "^", "{", "`"})
    void shouldNeverFailOnANextThatIsNoUri(String character) {
        String next = "/groups/new?x=" + character + "y";
        Visitor.anonymous().request().queryParam("next", next).get("/login").then().statusCode(200);
        Visitor.anonymous().request().queryParam("next", next).get("/register").then().statusCode(200);

        Visitor registering = Visitor.anonymous();
        String username = "next-" + Integer.toHexString(character.charAt(0)) + "-" + System.nanoTime() % 100000;
        assertLocal(registering.post("/register", "displayName", "Next", "username", username,
                "email", username + "@example.org", "password", Visitor.PASSWORD, "next", next), "/groups");

        Visitor signingIn = Visitor.anonymous();
        assertLocal(signingIn.post("/login", "username", username, "password", Visitor.PASSWORD, "next", next), "/groups");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/groups/new?x=%20y", "/papers?q=caf%C3%A9"})
    void shouldStillFollowAProperlyEncodedNext(String next) {
        Visitor ada = Visitor.register("encoded");
        Response response = Visitor.anonymous().post("/login", "username", ada.username, "password", Visitor.PASSWORD,
                "next", next);
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith(next), response.header("Location"));
    }

    private static void assertLocal(Response response, String fallback) {
        assertEquals(303, response.statusCode(), response.asString());
        URI location = URI.create(response.header("Location"));
        assertTrue(location.getHost() == null || location.getHost().equals("localhost"), location.toString());
        assertEquals(fallback, location.getPath(), "an unusable next falls back to the default page");
    }
}
