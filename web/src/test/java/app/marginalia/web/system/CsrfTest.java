package app.marginalia.web.system;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CsrfTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void shouldRefuseAFormWithoutItsToken() {
        Visitor ada = Visitor.register("ada");
        ada.request().header("Origin", Visitor.origin()).contentType(FORM)
                .formParam("name", "Forged group").formParam("timeZone", "UTC").post("/groups")
                .then().statusCode(403).body(containsString("security token is missing or wrong"))
                .body(not(containsString("Exception")));
        ada.get("/groups").then().body(not(containsString("Forged group")));
    }

    @Test
    void shouldRefuseAnotherVisitorsToken() {
        Visitor ada = Visitor.register("ada");
        Visitor eve = Visitor.register("eve");
        ada.request().header("Origin", Visitor.origin()).contentType(FORM).formParam("_csrf", eve.csrf())
                .formParam("name", "Forged group").formParam("timeZone", "UTC").post("/groups")
                .then().statusCode(403);
    }

    @Test
    void shouldRefuseARequestFromAnotherSiteEvenWithAValidToken() {
        Visitor ada = Visitor.register("ada");
        ada.request().header("Origin", "https://evil.example").contentType(FORM).formParam("_csrf", ada.csrf())
                .formParam("name", "Forged group").formParam("timeZone", "UTC").post("/groups")
                .then().statusCode(403).body(containsString("did not come from a page of this site"));
        ada.request().header("Referer", "https://evil.example/page").contentType(FORM).formParam("_csrf", ada.csrf())
                .formParam("name", "Forged group").formParam("timeZone", "UTC").post("/groups")
                .then().statusCode(403);
        ada.request().contentType(FORM).formParam("_csrf", ada.csrf())
                .formParam("name", "Forged group").formParam("timeZone", "UTC").post("/groups")
                .then().statusCode(403);
    }

    @Test
    void shouldAcceptTheTokenAsAHeaderFromScriptsAndAReferrerFromThisSite() {
        Visitor ada = Visitor.register("ada");
        ada.request().header("Referer", Visitor.origin() + "/groups/new").header("X-CSRF-Token", ada.csrf())
                .contentType(FORM).formParam("name", "Header group").formParam("timeZone", "UTC").post("/groups")
                .then().statusCode(303);
        ada.get("/groups").then().body(containsString("Header group"));
    }

    @Test
    void shouldProtectSignInAndSignOutToo() {
        Visitor ada = Visitor.register("ada");
        Visitor.anonymous().request().header("Origin", Visitor.origin()).contentType(FORM)
                .formParam("username", ada.username).formParam("password", Visitor.PASSWORD).post("/login")
                .then().statusCode(403);
        ada.request().header("Origin", Visitor.origin()).contentType(FORM).post("/logout").then().statusCode(403);
        ada.get("/groups").then().statusCode(200);
    }

    @Test
    void shouldChangeTheTokenWhenSomeoneSignsIn() {
        Visitor visitor = Visitor.anonymous();
        String before = visitor.csrf();
        Visitor ada = Visitor.register("ada");
        visitor.post("/login", "username", ada.username, "password", Visitor.PASSWORD).then().statusCode(303);
        visitor.get("/groups");
        org.junit.jupiter.api.Assertions.assertNotEquals(before, visitor.csrf());
    }
}
