package app.marginalia.web.tracking;

import app.marginalia.web.Visitor;
import app.marginalia.web.system.BehindProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live-stream slots over real connections: per account, per network address and per
 * instance, refused with 429 and Retry-After, and freed as soon as a client goes away. The
 * profile's limits are 2 per account, 3 per address, 5 in all.
 */
@QuarkusTest
@TestProfile(BehindProxy.class)
class LiveStreamLimitsTest {

    private final List<HttpResponse<Stream<String>>> open = new ArrayList<>();

    @Test
    void shouldShareSlotsFairlyAndFreeThemWhenAClientGoesAway() {
        try {
            Visitor ada = Visitor.register("ada"), bob = Visitor.register("bob"), cy = Visitor.register("cy"),
                    dee = Visitor.register("dee");

            // Per account: Ada's third page is refused, from any address.
            HttpResponse<Stream<String>> adaFirst = opened(ada, "192.0.2.1");
            opened(ada, "192.0.2.1");
            refused(events(ada, "192.0.2.9"), "You have 2 live streams open already");

            // Per address: a third account at the same address gets the address's last slot, a fourth is refused.
            opened(bob, "192.0.2.1");
            refused(events(cy, "192.0.2.1"), "Your network address has 3 live streams open already");

            // Per instance: others elsewhere fill the last two slots, then nobody gets one.
            opened(cy, "192.0.2.2");
            opened(dee, "192.0.2.3");
            refused(events(dee, "192.0.2.4"), "This server has 5 live streams open");

            // Ada closes a tab: her slot is free at once, long before the next heartbeat.
            adaFirst.body().close();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            HttpResponse<Stream<String>> again = events(ada, "192.0.2.1");
            while (again.statusCode() == 429 && System.nanoTime() < deadline) {
                again.body().close();
                sleep(100);
                again = events(ada, "192.0.2.1");
            }
            open.add(again);
            assertEquals(200, again.statusCode(), "the closed stream's slot is free again within 5 s");
        } finally {
            open.forEach(r -> r.body().close());
        }
    }

    private HttpResponse<Stream<String>> opened(Visitor who, String address) {
        HttpResponse<Stream<String>> response = events(who, address);
        open.add(response);
        assertEquals(200, response.statusCode(), who.username + " from " + address);
        return response;
    }

    private static void refused(HttpResponse<Stream<String>> response, String message) {
        String body = response.body().collect(Collectors.joining("\n"));
        assertEquals(429, response.statusCode(), body);
        assertEquals("30", response.headers().firstValue("Retry-After").orElse(null));
        assertTrue(body.contains(message), body);
    }

    private static HttpResponse<Stream<String>> events(Visitor who, String address) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Visitor.origin() + "/api/events"))
                .header("Accept", "text/event-stream").header("X-Forwarded-For", address)
                .header("Cookie", who.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("could not open the event stream", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
