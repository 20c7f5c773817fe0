package app.marginalia.web.system;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Low limits, so each one can be reached in a test. All requests come from one address, so the
 * registration limit is exhausted last.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marginalia.rate-limits.logins-per-account", "3",
                    "%test.marginalia.rate-limits.logins-per-address", "50",
                    "%test.marginalia.rate-limits.registrations-per-address", "6",
                    "%test.marginalia.rate-limits.writes-per-account", "5",
                    "%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:rate-limits;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    @Order(1)
    void shouldLimitSignInAttemptsPerAccountWith429AndRetryAfter() {
        Visitor target = Visitor.register("target");
        Visitor attacker = Visitor.anonymous();
        for (int i = 0; i < 3; i++) {
            attacker.post("/login", "username", target.username, "password", "guess number " + i).then().statusCode(401);
        }
        attacker.post("/login", "username", target.username, "password", Visitor.PASSWORD).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body(containsString("Too many sign-in attempts for this account"));
        // Another account is not locked by attempts on this one.
        Visitor.anonymous().post("/login", "username", "someone-else", "password", "whatever!!").then().statusCode(401);
    }

    @Test
    @Order(2)
    void shouldLimitWritesPerAccount() {
        Visitor writer = Visitor.register("writer");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(writer.post("/groups", "name", "Group " + i, "description", "", "timeZone", "UTC").statusCode());
        }
        assertEquals(List.of(303, 303, 303, 303, 303, 429, 429), statuses);
        writer.post("/groups", "name", "One more", "description", "", "timeZone", "UTC").then()
                .header("Retry-After", notNullValue()).body(containsString("You are making changes very quickly"));
        writer.get("/groups").then().statusCode(200);
    }

    @Test
    @Order(3)
    void shouldLimitRegistrationsPerAddress() {
        // Two registrations above; four more are allowed, then 429.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(Visitor.anonymous().post("/register", "displayName", "Bot", "username", "bot-" + i + "-"
                            + System.nanoTime() % 10000, "email", "bot" + i + System.nanoTime() + "@example.org",
                    "password", Visitor.PASSWORD).statusCode());
        }
        assertEquals(List.of(303, 303, 303, 303, 429), statuses);
    }
}
