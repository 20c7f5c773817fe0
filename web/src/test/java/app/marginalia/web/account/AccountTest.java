package app.marginalia.web.account;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AccountTest {

    @Test
    void shouldRegisterAndLandSignedInWithAWelcome() {
        Visitor ada = Visitor.register("ada");
        ada.get("/groups").then().statusCode(200)
                .body(containsString("Your reading groups"))
                .body(containsString(">Ada</a>"))
                .body(containsString("Sign out"));
        ada.get("/account").then().statusCode(200).body(containsString("@" + ada.username));
    }

    @Test
    void shouldRefuseABadRegistrationNamingEveryProblemAndKeepingTheInput() {
        Visitor visitor = Visitor.anonymous();
        visitor.post("/register", "displayName", "Bo", "username", "x", "email", "nope", "password", "short")
                .then().statusCode(400)
                .body(containsString("A username is 3 to 40 characters"))
                .body(containsString("Enter an email address"))
                .body(containsString("Choose a password of at least 10 characters."))
                .body(containsString("value=\"Bo\""))
                .body(not(containsString("value=\"short\"")));
    }

    @Test
    void shouldRefuseATakenUsernameOrEmail() {
        Visitor first = Visitor.register("grace");
        Visitor.anonymous().post("/register", "displayName", "Other", "username", first.username,
                        "email", "other-" + first.username + "@example.org", "password", Visitor.PASSWORD)
                .then().statusCode(400).body(containsString("That username is taken."));
        Visitor.anonymous().post("/register", "displayName", "Other", "username", "other-" + first.username,
                        "email", first.username.toUpperCase() + "@EXAMPLE.ORG", "password", Visitor.PASSWORD)
                .then().statusCode(400).body(containsString("An account with this email address already exists."));
    }

    @Test
    void shouldSignInAndOutAndRefuseAWrongPasswordWithoutSayingWhichPartWasWrong() {
        Visitor hopper = Visitor.register("hopper");
        Visitor wrong = Visitor.anonymous();
        wrong.post("/login", "username", hopper.username, "password", "wrong password!").then().statusCode(401)
                .body(containsString("That username and password do not match an account."));
        Visitor.anonymous().post("/login", "username", "nobody-at-all", "password", "wrong password!")
                .then().statusCode(401).body(containsString("That username and password do not match an account."));

        Visitor again = Visitor.signIn(hopper.username.toUpperCase(), Visitor.PASSWORD);
        again.get("/groups").then().statusCode(200);
        again.post("/logout").then().statusCode(303).header("Location", containsString("/papers"));
        again.get("/groups").then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void shouldReturnToWhereTheVisitorWasGoingButNeverOffSite() {
        Visitor knuth = Visitor.register("knuth");
        Visitor visitor = Visitor.anonymous();
        visitor.post("/login", "username", knuth.username, "password", Visitor.PASSWORD, "next", "/groups/new")
                .then().statusCode(303).header("Location", containsString("/groups/new"));
        Visitor.anonymous().post("/login", "username", knuth.username, "password", Visitor.PASSWORD,
                "next", "//evil.example/steal").then().statusCode(303)
                .header("Location", not(containsString("evil")));
    }

    @Test
    void shouldChangeThePasswordAndEndOtherSessions() {
        Visitor laptop = Visitor.register("lamport");
        Visitor phone = Visitor.signIn(laptop.username, Visitor.PASSWORD);
        phone.get("/groups").then().statusCode(200);

        laptop.post("/account/password", "currentPassword", "not my password", "newPassword", "a much better one")
                .then().statusCode(400).body(containsString("Your current password is not right."));
        laptop.post("/account/password", "currentPassword", Visitor.PASSWORD, "newPassword", "short")
                .then().statusCode(400).body(containsString("at least 10 characters"));
        laptop.post("/account/password", "currentPassword", Visitor.PASSWORD, "newPassword", "a much better one")
                .then().statusCode(303);

        laptop.get("/groups").then().statusCode(200);
        phone.get("/groups").then().statusCode(303).header("Location", containsString("/login"));
        Visitor.anonymous().post("/login", "username", laptop.username, "password", Visitor.PASSWORD)
                .then().statusCode(401);
        Visitor.signIn(laptop.username, "a much better one").get("/groups").then().statusCode(200);
    }

    @Test
    void shouldUpdateTheProfile() {
        Visitor liskov = Visitor.register("liskov");
        liskov.post("/account", "displayName", "Barbara Liskov", "email", liskov.username + "@mit.example")
                .then().statusCode(303);
        liskov.get("/account").then().body(containsString("Barbara Liskov"))
                .body(containsString(liskov.username + "@mit.example"));
        liskov.post("/account", "displayName", "", "email", "x").then().statusCode(400)
                .body(containsString("Tell the group what to call you."));
    }

    @Test
    void shouldSetSessionCookiesHttpOnlyAndSameSite() {
        Visitor visitor = Visitor.anonymous();
        Response response = visitor.post("/register", "displayName", "Cookie", "username",
                "cookie-" + System.nanoTime() % 1000000, "email", "cookie" + System.nanoTime() + "@example.org",
                "password", Visitor.PASSWORD);
        String setCookie = String.join("\n", response.headers().getValues("Set-Cookie"));
        assertTrue(setCookie.contains("mg_session="), setCookie);
        for (String line : response.headers().getValues("Set-Cookie")) {
            assertTrue(line.contains("HttpOnly"), line);
            assertTrue(line.contains("SameSite=Lax"), line);
        }
    }

    @Test
    void shouldIgnoreAForgedSessionCookie() {
        given().redirects().follow(false).cookie("mg_session", "eyJzMTox.forged").get("/groups")
                .then().statusCode(303).header("Location", containsString("/login"));
        assertEquals(200, given().cookie("mg_session", "garbage").get("/papers").statusCode());
    }
}
