package app.marginalia.web.system;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * An instance deployed as the README recommends: behind a reverse proxy at 127.0.0.1 (so tests
 * can give each request its own client address with X-Forwarded-For), with its public address
 * configured, and small live-stream limits that a test can reach.
 */
public class BehindProxy implements QuarkusTestProfile {

    public static final String BASE_URL = "https://reading.example.org";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("marginalia.base-url", BASE_URL + "/",
                "marginalia.live.streams-per-account", "2",
                "marginalia.live.streams-per-address", "3",
                "marginalia.live.streams-total", "5",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
                "%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:behind-proxy;DB_CLOSE_DELAY=-1");
    }
}
