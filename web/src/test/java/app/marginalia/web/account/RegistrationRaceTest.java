package app.marginalia.web.account;

import app.marginalia.persistence.account.Account;
import app.marginalia.web.Visitor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registrations that arrive together, on a new installation of their own: one administrator
 * however many register first, and one account per username or email however many ask at once.
 */
@QuarkusTest
@TestProfile(RegistrationRaceTest.NewInstallation.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationRaceTest {

    /** An empty database of its own, so the first registrations here are the installation's first. */
    public static class NewInstallation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:registration-race;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    @Order(1)
    void shouldMakeExactlyOneAdministratorWhenTheFirstRegistrationsArriveTogether() throws Exception {
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Account.count()), "a new installation");
        List<Response> responses = together(5, i -> new String[]{"displayName", "First " + i, "username", "first-" + i,
                "email", "first-" + i + "@example.org", "password", Visitor.PASSWORD});

        responses.forEach(r -> assertEquals(303, r.statusCode(), r.asString()));
        assertEquals(5L, QuarkusTransaction.requiringNew().call(() -> Account.count()));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Account.count("administrator", true)),
                "one administrator");
    }

    @Test
    @Order(2)
    void shouldCreateOneAccountWhenOneUsernameIsRegisteredSixTimesAtOnce() throws Exception {
        List<Response> responses = together(6, i -> new String[]{"displayName", "Twin", "username", "twin",
                "email", "twin-" + i + "@example.org", "password", Visitor.PASSWORD});

        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 303).count(), statuses(responses));
        responses.stream().filter(r -> r.statusCode() != 303).forEach(r -> {
            assertEquals(400, r.statusCode(), r.asString());
            assertTrue(r.asString().contains("That username is taken."), r.asString());
        });
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Account.count("username", "twin")));
    }

    @Test
    @Order(3)
    void shouldCreateOneAccountWhenOneEmailIsRegisteredSixTimesAtOnce() throws Exception {
        List<Response> responses = together(6, i -> new String[]{"displayName", "Echo", "username", "echo-" + i,
                "email", "echo@example.org", "password", Visitor.PASSWORD});

        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 303).count(), statuses(responses));
        responses.stream().filter(r -> r.statusCode() != 303).forEach(r -> {
            assertEquals(400, r.statusCode(), r.asString());
            assertTrue(r.asString().contains("An account with this email address already exists."), r.asString());
        });
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Account.count("email", "echo@example.org")));
    }

    /** Posts {@code count} registrations from separate browsers, released at the same instant. */
    private static List<Response> together(int count, IntFunction<String[]> form) throws Exception {
        List<Visitor> browsers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            browsers.add(Visitor.anonymous());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Visitor browser = browsers.get(i);
                String[] fields = form.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return browser.post("/register", fields);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String statuses(List<Response> responses) {
        return responses.stream().map(r -> String.valueOf(r.statusCode())).toList().toString();
    }
}
