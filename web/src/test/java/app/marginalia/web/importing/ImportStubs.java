package app.marginalia.web.importing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * arXiv and doi.org as recorded responses, served by WireMock on a free local port: imports
 * are tested offline, never against the real services. The application's import addresses
 * point here; the arXiv interval is shortened so the suite does not sleep.
 */
public class ImportStubs implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;
    static int port;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new WireMockServer(options().port(port));
        server.start();
        stub();
        String base = "http://localhost:" + port;
        return Map.of(
                "marginalia.import.arxiv-api-url", base + "/api/query",
                "marginalia.import.arxiv-pdf-url", base + "/pdf/",
                "marginalia.import.doi-url", base + "/doi/",
                "marginalia.import.arxiv-interval", "PT0.01S",
                "marginalia.import.read-timeout", "PT1S",
                "marginalia.import.per-account", "1000");
    }

    static void stub() {
        feed("2212.08073", "arxiv-2212.08073.xml");
        feed("1706.03762", "arxiv-1706.03762.xml");
        feed("2301.99999", "arxiv-empty.xml");
        feed("1901.00001", "arxiv-error.xml");
        server.stubFor(get(urlPathMatching("/pdf/1706\\.03762(v\\d+)?")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(fixture("1706.03762.pdf"))));
        server.stubFor(get(urlPathEqualTo("/doi/10.1145/3442188.3445922"))
                .withHeader("Accept", equalTo("application/vnd.citationstyles.csl+json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.citationstyles.csl+json")
                        .withBody(fixture("csl-10.1145-3442188.3445922.json"))));
        server.stubFor(get(urlPathEqualTo("/doi/10.5555/no-such-paper")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><body>DOI Not Found</body></html>")));
        server.stubFor(get(urlPathEqualTo("/doi/10.5555/slow")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(3_000).withBody("{}")));
        server.stubFor(get(urlPathEqualTo("/doi/10.5555/reset")).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    private static void feed(String id, String file) {
        server.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("id_list", equalTo(id))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/atom+xml; charset=utf-8")
                        .withBody(fixture(file))));
    }

    static byte[] fixture(String name) {
        try (InputStream in = ImportStubs.class.getResourceAsStream("/import/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
