package app.marginalia.web.importing;

import app.marginalia.core.importing.ArxivFeed;
import app.marginalia.core.importing.ArxivId;
import app.marginalia.core.importing.CslRecord;
import app.marginalia.core.importing.Doi;
import app.marginalia.core.importing.ImportProblem;
import app.marginalia.core.importing.ImportedPaper;
import app.marginalia.core.importing.RequestPacer;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The outside services imports read: the arXiv API and PDFs, and DOI metadata by content
 * negotiation. Each call has the configured timeouts and size limits; every arXiv request
 * (API and PDF) waits its turn at the instance's one {@link RequestPacer}.
 */
@ApplicationScoped
public class RemoteSources {

    static final String CSL_JSON = "application/vnd.citationstyles.csl+json";

    /** One GET of a whole address; the address is the client's base URI. */
    public interface Fetch extends AutoCloseable {
        @GET
        Response get(@HeaderParam(HttpHeaders.ACCEPT) String accept);
    }

    private final ImportConfig config;
    private final RequestPacer arxivPacer;
    private final ObjectMapper json;

    RemoteSources(ImportConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.arxivPacer = RequestPacer.system(config.arxivInterval(), config.arxivMaxWait());
    }

    /** The paper's metadata from the arXiv API's Atom feed. */
    public ImportedPaper arxiv(ArxivId id) {
        // The metadata of the latest version; the version asked for matters for the PDF only.
        URI query = URI.create(config.arxivApiUrl() + "?id_list=" + URLEncoder.encode(id.id(), StandardCharsets.UTF_8)
                + "&max_results=1");
        byte[] feed;
        try {
            feed = paced(() -> fetch(query, "application/atom+xml", config.maxMetadataBytes(), "arxiv.org"));
        } catch (NotFound e) {
            throw new Unreachable("arxiv.org answered with an error (HTTP 404) instead of a feed. Check the configured "
                    + "arXiv API address, or add the paper by hand.", false);
        }
        try {
            return ArxivFeed.parse(new ByteArrayInputStream(feed)).paper(id);
        } catch (ImportProblem e) {
            if (e.kind() == ImportProblem.Kind.UNREADABLE) {
                throw new Unreachable("arxiv.org answered, but not with a feed Marginalia can read. Try again later.", false);
            }
            throw e;
        }
    }

    /** The paper's PDF from arXiv, the version asked for or the latest. */
    public byte[] arxivPdf(ArxivId id) {
        URI pdf = URI.create(config.arxivPdfUrl() + id.versioned());
        return requirePdf(paced(() -> fetch(pdf, "application/pdf", config.maxPdfBytes(), "arxiv.org")), "arxiv.org");
    }

    /** The DOI's metadata as CSL-JSON; a DOI the resolver does not know is NOT_FOUND. */
    public ImportedPaper doi(Doi doi) {
        URI address = URI.create(config.doiUrl() + doi.value().replace("%", "%25").replace(" ", "%20")
                .replace("<", "%3C").replace(">", "%3E").replace("#", "%23").replace("?", "%3F")
                .replace("\"", "%22"));
        byte[] record;
        try {
            record = fetch(address, CSL_JSON, config.maxMetadataBytes(), "doi.org");
        } catch (NotFound e) {
            throw new ImportProblem(ImportProblem.Kind.NOT_FOUND,
                    "doi.org has no record of DOI " + doi + ". Check the DOI, or add the paper by hand.");
        }
        try {
            return CslRecord.paper(json.readValue(record, new TypeReference<Map<String, Object>>() { }), doi);
        } catch (JacksonException e) {
            throw new Unreachable("doi.org answered, but not with metadata Marginalia can read (CSL-JSON). "
                    + "Add the paper by hand or upload its PDF.", false);
        } catch (IOException e) {
            throw new Unreachable("The answer from doi.org could not be read.", false);
        }
    }

    /** A PDF an open-access record points at (any host). */
    public byte[] pdf(String url) {
        URI address = URI.create(url);
        return requirePdf(fetch(address, "application/pdf", config.maxPdfBytes(), address.getHost()), address.getHost());
    }

    private interface Call {
        byte[] run();
    }

    private byte[] paced(Call call) {
        try {
            arxivPacer.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Unreachable.offline("arxiv.org", true);
        }
        return call.run();
    }

    private static byte[] requirePdf(byte[] bytes, String host) {
        byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < magic.length || !Arrays.equals(Arrays.copyOf(bytes, magic.length), magic)) {
            throw new Unreachable(host + " did not send a PDF (it may ask for a sign-in or a captcha).", false);
        }
        return bytes;
    }

    /** A 404 from the service: the identifier names nothing there. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    /**
     * GETs {@code address} and reads at most {@code limit} bytes of its body. Redirects are
     * followed (doi.org always redirects). Connection failures and timeouts become
     * {@link Unreachable}; an error status too, except 404.
     */
    byte[] fetch(URI address, String accept, int limit, String host) {
        try (Fetch client = QuarkusRestClientBuilder.newBuilder().baseUri(address)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(true)
                // Statuses are handled here, so no status becomes an exception inside the client.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(Fetch.class);
             Response response = client.get(accept)) {
            int status = response.getStatus();
            if (status == 404 || status == 410) {
                throw new NotFound();
            }
            if (status >= 400) {
                throw new Unreachable(host + " answered with an error (HTTP " + status + "). Try again later, "
                        + "or add the paper by hand or upload its PDF.", false);
            }
            if (response.getLength() > limit) {
                throw tooLarge(host, limit);
            }
            try (InputStream body = response.readEntity(InputStream.class)) {
                byte[] bytes = body.readNBytes(limit + 1);
                if (bytes.length > limit) {
                    throw tooLarge(host, limit);
                }
                return bytes;
            }
        } catch (ProcessingException e) {
            throw Unreachable.offline(host, isTimeout(e));
        } catch (IOException e) {
            throw Unreachable.offline(host, false);
        } catch (Unreachable | NotFound | ImportProblem e) {
            throw e;
        } catch (Exception e) {
            // Anything else the client throws on the way (a bad address, a broken connection).
            throw Unreachable.offline(host, isTimeout(e));
        }
    }

    private static ImportProblem tooLarge(String host, int limit) {
        return new ImportProblem(ImportProblem.Kind.TOO_LARGE, "The file from " + host + " is larger than "
                + limit / (1024 * 1024) + " MB, the most Marginalia downloads.");
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            if (name.contains("timeout") || t instanceof java.net.SocketTimeoutException
                    || String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("timed out")) {
                return true;
            }
        }
        return false;
    }
}
