package app.marginalia.web.system;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forwarding switched on, but the test client is not a trusted proxy: whatever it claims in
 * X-Forwarded-For, its limits count its real address, and X-Forwarded-Proto does not fake HTTPS.
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.ForwardingFromElsewhere.class)
class UntrustedProxyTest {

    public static class ForwardingFromElsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "192.0.2.1",
                    "%test.marginalia.rate-limits.registrations-per-address", "3",
                    "%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:untrusted-proxy;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    void shouldIgnoreForwardedAddressesFromAClientThatIsNotATrustedProxy() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            statuses.add(TrustedProxyTest.register("203.0.113." + i, "spoofer-" + i, "X-Forwarded-Proto", "https")
                    .statusCode());
        }
        assertEquals(List.of(303, 303, 303, 429, 429), statuses, "five addresses claimed, one counted");
        String cookies = String.join("\n", given().header("X-Forwarded-Proto", "https")
                .get("/login").headers().getValues("Set-Cookie"));
        assertTrue(cookies.contains("mg_csrf="), cookies);
        assertFalse(cookies.contains("Secure"), "a claimed https is not believed: " + cookies);
    }
}
