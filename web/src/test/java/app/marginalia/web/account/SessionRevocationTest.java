package app.marginalia.web.account;

import app.marginalia.core.account.SessionToken;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.account.AccountSession;
import app.marginalia.web.Visitor;
import app.marginalia.web.system.SessionKeys;
import app.marginalia.web.system.SessionStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions are rows: signing out, signing out everywhere and an administrator disabling the
 * account end them at once, whatever copies of the cookie exist.
 */
@QuarkusTest
class SessionRevocationTest {

    @Inject
    SessionStore store;
    @Inject
    SessionKeys keys;

    @Test
    void shouldEndACopiedCookieWhenItsSessionSignsOut() {
        Visitor browser = Visitor.register("turing");
        Visitor stolen = browser.copy();
        stolen.get("/groups").then().statusCode(200);

        browser.post("/logout").then().statusCode(303);

        stolen.get("/groups").then().statusCode(303).header("Location", containsString("/login"));
        stolen.get("/account").then().statusCode(303);
    }

    @Test
    void shouldSignOutEverywhereFromTheAccountPage() {
        Visitor laptop = Visitor.register("hamming");
        Visitor phone = Visitor.signIn(laptop.username, Visitor.PASSWORD);
        Visitor copied = phone.copy();
        Document page = Jsoup.parse(laptop.get("/account").asString());
        assertNotNull(page.selectFirst("form[action=/account/sign-out-everywhere] input[name=_csrf]"),
                "the account page offers it, with a CSRF token");

        laptop.post("/account/sign-out-everywhere").then().statusCode(303)
                .header("Location", containsString("/login"));

        for (Visitor device : new Visitor[]{laptop, phone, copied}) {
            device.get("/groups").then().statusCode(303).header("Location", containsString("/login"));
        }
        assertEquals(0L, sessionsOf(laptop.username));
        Visitor.signIn(laptop.username, Visitor.PASSWORD).get("/groups").then().statusCode(200);
    }

    @Test
    void shouldLetAnAdministratorDisableAnAccountEndingItsSessionsAndRefusingItsSignIns() {
        Visitor admin = administrator("hopper");
        Visitor target = Visitor.register("mallory");
        Visitor targetElsewhere = Visitor.signIn(target.username, Visitor.PASSWORD);
        long targetId = idOf(target.username);

        Document before = Jsoup.parse(admin.get("/admin").asString());
        assertNotNull(before.selectFirst("#account-" + targetId + " form[action=/admin/accounts/" + targetId
                + "/disable] input[name=confirm][required]"), "disabling asks for a confirmation");
        assertNotNull(before.selectFirst("#account-" + idOf(admin.username)), "the administrator is listed");
        assertTrue(before.select("#account-" + idOf(admin.username) + " form").isEmpty(), "but cannot disable themself");

        admin.post("/admin/accounts/" + targetId + "/disable").then().statusCode(400)
                .body(containsString("Tick the box to confirm"));
        target.get("/groups").then().statusCode(200);

        admin.post("/admin/accounts/" + targetId + "/disable", "confirm", "true").then().statusCode(303);
        target.get("/groups").then().statusCode(303).header("Location", containsString("/login"));
        targetElsewhere.get("/groups").then().statusCode(303);
        assertEquals(0L, sessionsOf(target.username));
        Document after = Jsoup.parse(admin.get("/admin").asString());
        assertTrue(after.selectFirst("#account-" + targetId).text().contains("disabled"));
        assertTrue(after.text().contains("@" + target.username + " is disabled and signed out everywhere."));

        Response refused = Visitor.anonymous().post("/login", "username", target.username, "password", Visitor.PASSWORD);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.asString().contains("This account has been disabled by an administrator"));
        // Someone without the password learns nothing about the account's state.
        Visitor.anonymous().post("/login", "username", target.username, "password", "not the password")
                .then().statusCode(401).body(containsString("That username and password do not match an account."));

        admin.post("/admin/accounts/" + targetId + "/enable").then().statusCode(303);
        Visitor.signIn(target.username, Visitor.PASSWORD).get("/groups").then().statusCode(200);
        target.get("/groups").then().statusCode(303);
    }

    @Test
    void shouldRefuseToDisableYourselfAndHideDisablingFromEveryoneElse() {
        Visitor admin = administrator("lovelace");
        admin.post("/admin/accounts/" + idOf(admin.username) + "/disable", "confirm", "true").then().statusCode(400)
                .body(containsString("You cannot disable your own account."));
        admin.get("/groups").then().statusCode(200);

        Visitor member = Visitor.register("eve");
        member.post("/admin/accounts/" + idOf(admin.username) + "/disable", "confirm", "true").then().statusCode(404);
        admin.get("/groups").then().statusCode(200);
        admin.post("/admin/accounts/999999999/disable", "confirm", "true").then().statusCode(404);
    }

    @Test
    void shouldRenewASessionOnceADayAndKeepItsRow() {
        Visitor owner = Visitor.register("shannon");
        SessionToken token = store.open(idOf(owner.username));
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        String oldCookie = token.reissued(twoDaysAgo).encode(keys.signer());

        Response renewed = owner.request().cookie("mg_session", oldCookie).get("/groups");
        assertEquals(200, renewed.statusCode());
        String fresh = renewed.getCookie("mg_session");
        assertNotNull(fresh, "a day-old cookie is re-issued");
        assertFalse(fresh.equals(oldCookie));
        Instant expires = QuarkusTransaction.requiringNew().call(() ->
                AccountSession.<AccountSession>findById(token.storedId()).expiresAt);
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofDays(13))), "the row lives another full term");

        Response again = owner.request().cookie("mg_session", fresh).get("/groups");
        assertEquals(200, again.statusCode());
        assertEquals(null, again.getCookie("mg_session"), "a fresh cookie is not re-issued on every request");
    }

    @Test
    void shouldForgetExpiredSessionsSoTheTableStaysBounded() {
        Visitor owner = Visitor.register("dijkstra");
        SessionToken expired = SessionToken.issue(Instant.now().minus(Duration.ofDays(20)));
        long id = idOf(owner.username);
        QuarkusTransaction.requiringNew().run(() -> {
            AccountSession row = new AccountSession();
            row.id = expired.storedId();
            row.account = Account.findById(id);
            row.createdAt = Instant.now().minus(Duration.ofDays(20));
            row.expiresAt = Instant.now().minus(Duration.ofDays(6));
            row.persist();
        });
        owner.request().cookie("mg_session", expired.reissued(Instant.now()).encode(keys.signer())).get("/groups")
                .then().statusCode(303);

        Visitor.signIn(owner.username, Visitor.PASSWORD);
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> AccountSession.findById(expired.storedId())));
    }

    /** A new account made an administrator, and signed in again so its session knows it. */
    static Visitor administrator(String name) {
        Visitor visitor = Visitor.register(name);
        QuarkusTransaction.requiringNew().run(() ->
                Account.findByUsername(visitor.username).orElseThrow().administrator = true);
        return Visitor.signIn(visitor.username, Visitor.PASSWORD);
    }

    static long idOf(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(username).orElseThrow().id);
    }

    private static long sessionsOf(String username) {
        return QuarkusTransaction.requiringNew().call(() -> AccountSession.count("account.username", username));
    }
}
