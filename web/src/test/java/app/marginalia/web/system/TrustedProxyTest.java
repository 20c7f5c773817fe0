package app.marginalia.web.system;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind a proxy on this machine (the default trusted address), the forwarded client address
 * is the one limits count, and the forwarded scheme makes every cookie Secure. The per-account
 * sign-in limit counts per address, so a stranger's wrong guesses never lock the owner out.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindALocalProxy.class)
class TrustedProxyTest {

    public static class BehindALocalProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "marginalia.rate-limits.logins-per-account", "3",
                    "%test.marginalia.rate-limits.registrations-per-address", "2",
                    "%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:trusted-proxy;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void shouldCountRegistrationsByTheForwardedAddress() {
        assertEquals(303, register("203.0.113.1", "a").statusCode());
        assertEquals(303, register("203.0.113.1", "b").statusCode());
        assertEquals(429, register("203.0.113.1", "c").statusCode(), "the third from one client address");
        assertEquals(303, register("203.0.113.2", "d").statusCode(), "another client behind the same proxy");
    }

    @Test
    void shouldNeverLetAStrangerLockTheOwnerOut() {
        Visitor owner = Visitor.register("owner");
        Visitor stranger = Visitor.anonymous();
        for (int i = 0; i < 3; i++) {
            login(stranger, "198.51.100.66", owner.username, "guess number " + i).then().statusCode(401);
        }
        login(stranger, "198.51.100.66", owner.username, Visitor.PASSWORD).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body(containsString("Too many sign-in attempts for this account from your network"));

        login(Visitor.anonymous(), "192.0.2.44", owner.username, Visitor.PASSWORD).then().statusCode(303)
                .header("Location", containsString("/groups")).cookie("mg_session");
    }

    @Test
    void shouldMakeEveryCookieSecureWhenTheProxySaysHttps() {
        Visitor visitor = Visitor.anonymous();
        String username = "secure-" + System.nanoTime() % 1000000;
        // The proxy forwards the scheme and the public port, as a TLS-terminating proxy does.
        String port = Visitor.origin().substring(Visitor.origin().lastIndexOf(':') + 1);
        Response response = visitor.request().header("Origin", "https://localhost:" + port)
                .header("X-Forwarded-For", "192.0.2.9").header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", port).contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", visitor.csrf()).formParam("displayName", "Secure").formParam("username", username)
                .formParam("email", username + "@example.org").formParam("password", Visitor.PASSWORD)
                .post("/register");
        assertEquals(303, response.statusCode(), response.asString());
        String cookies = String.join("\n", response.headers().getValues("Set-Cookie"));
        assertTrue(cookies.contains("mg_flash=") && cookies.contains("mg_session="), cookies);
        for (String cookie : response.headers().getValues("Set-Cookie")) {
            assertTrue(cookie.contains("Secure"), cookie);
        }
    }

    /** A registration from a new browser, through a proxy that says the client is {@code address}. */
    static Response register(String address, String suffix, String... moreHeaders) {
        Visitor visitor = Visitor.anonymous();
        String username = "proxied-" + suffix + "-" + System.nanoTime() % 100000;
        RequestSpecification request = visitor.request();
        for (int i = 0; i < moreHeaders.length; i += 2) {
            request.header(moreHeaders[i], moreHeaders[i + 1]);
        }
        return request.header("Origin", Visitor.origin()).header("X-Forwarded-For", address)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", visitor.csrf())
                .formParam("displayName", "Proxied").formParam("username", username)
                .formParam("email", username + "@example.org").formParam("password", Visitor.PASSWORD).post("/register");
    }

    static Response login(Visitor visitor, String address, String username, String password) {
        return visitor.request().header("Origin", Visitor.origin()).header("X-Forwarded-For", address)
                .contentType("application/x-www-form-urlencoded").formParam("_csrf", visitor.csrf())
                .formParam("username", username).formParam("password", password).post("/login");
    }
}
