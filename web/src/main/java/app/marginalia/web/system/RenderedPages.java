package app.marginalia.web.system;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Heavy pages (the reader) rendered once per state: a page is identified by what it shows
 * (the page and its parameters), to whom (the account and the session's CSRF token, which the
 * page's forms carry) and when ({@link PageVersion}, which moves after every change). That
 * identity, hashed, is the page's ETag: a browser revalidating with {@code If-None-Match} gets
 * 304 while nothing changed, and a page asked for again is served from the bytes kept here,
 * compressed once. A page is never served to anyone but the viewer it was rendered for, and never
 * after a change: the key holds both. Pages that carry something shown once (a flash message) or
 * that issue a new CSRF cookie are rendered fresh and not kept. Kept pages are bounded in bytes
 * ({@code marginalia.pages.cache-bytes}), least recently used first out; concurrent requests for
 * the same missing page wait for one rendering.
 */
@ApplicationScoped
public class RenderedPages {

    /** Pages rendered by an earlier run of the application never match: templates may have changed. */
    private static final String RUN = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

    private final CurrentUser current;
    private final PageVersion version;
    private final long maxBytes;
    private final Map<String, Page> kept = new LinkedHashMap<>(64, 0.75f, true);
    private final ConcurrentHashMap<String, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();
    private long keptBytes;
    /** ETags issued, by value: what a revalidation must present to be answered 304 at once (see {@link #revalidate}). */
    private final ConcurrentHashMap<String, Issued> issued = new ConcurrentHashMap<>();
    private final CurrentVertxRequest request;

    RenderedPages(CurrentUser current, PageVersion version, MarginaliaConfig config, CurrentVertxRequest request) {
        this.current = current;
        this.request = request;
        this.version = version;
        this.maxBytes = config.pages().cacheBytes();
    }

    /** The viewer's own page: their browser keeps it and asks each time whether it is current. */
    private static final String PRIVATE = "private, no-cache";

    /** Most ETags remembered for revalidation before the application; past it the memory starts over. */
    private static final int ISSUED_MAX = 20_000;
    /** How long an issued ETag is answered before the application sees the request again (session expiry). */
    private static final Duration ISSUED_FOR = Duration.ofMinutes(10);

    /**
     * An ETag as issued: for this address, to a browser with exactly these session and CSRF
     * cookies, while the page version stands, until a few minutes have passed.
     */
    record Issued(String uri, String cookies, String version, Instant until) {
    }

    /** One rendered page: its HTML compressed with gzip, and its uncompressed length. */
    record Page(byte[] gzip, int length) {
    }

    /**
     * The response for a page: 304 when the browser's copy is current, the kept bytes when this
     * viewer's page was rendered since the last change, else {@code render} rendered (and kept).
     * {@code page} names the page and every parameter it was rendered from.
     */
    public Response respond(HttpHeaders headers, String page, Supplier<TemplateInstance> render) {
        if (current.getFlash() != null || current.newNonce()) {
            return Response.ok(render.get()).build();
        }
        String key = String.join("\n", RUN, page, Long.toString(current.getId()), current.getCsrfToken(),
                version.current(), LocalDate.now(ZoneOffset.UTC).toString());
        String etag = "W/\"" + digest(key) + "\"";
        if (matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            remember(etag, headers);
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, PRIVATE)
                    .header(HttpHeaders.VARY, "Cookie").build();
        }
        remember(etag, headers);
        Page rendered = page(key, render);
        boolean gzip = acceptsGzip(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        Response.ResponseBuilder response = Response.ok(gzip ? rendered.gzip() : gunzip(rendered.gzip()))
                .type("text/html;charset=UTF-8")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, PRIVATE)
                .header(HttpHeaders.VARY, "Cookie, Accept-Encoding");
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return response.build();
    }

    private void remember(String etag, HttpHeaders headers) {
        Optional<String> local = version.local();
        if (local.isEmpty()) {
            return; // several instances: only the database knows whether the page is current
        }
        if (issued.size() >= ISSUED_MAX) {
            issued.clear();
        }
        issued.put(etag, new Issued(request.getCurrent().request().uri(),
                cookies(value(headers, Cookies.SESSION), value(headers, Cookies.CSRF)), local.get(),
                Instant.now().plus(ISSUED_FOR)));
    }

    private static String value(HttpHeaders headers, String cookie) {
        var c = headers.getCookies().get(cookie);
        return c == null ? "" : c.getValue();
    }

    private static String cookies(String session, String csrf) {
        return session + "\n" + csrf;
    }

    /**
     * Revalidation before the application: a reader page asked for with an ETag this process
     * issued, for the same address, by a browser with the same session and CSRF cookies, while the
     * page version stands, is answered 304 here, on the event loop, without the session lookup and
     * the request's trip through the application. Everything else goes on to the application,
     * which decides as {@link #respond} says. A signed-out, revoked or changed session is a write
     * (the version moves); a session that merely expired is answered for at most ten minutes, with
     * no body.
     */
    void revalidate(@Observes Router router) {
        router.route(HttpMethod.GET, "/papers/*").order(Integer.MIN_VALUE + 2).handler(context -> {
            HttpServerRequest r = context.request();
            String ifNoneMatch = r.getHeader(HttpHeaders.IF_NONE_MATCH);
            Issued was = ifNoneMatch == null ? null : issued.get(ifNoneMatch.strip());
            if (was == null || r.getCookie(Cookies.FLASH) != null || !was.uri().equals(r.uri())
                    || !was.version().equals(version.local().orElse(null)) || Instant.now().isAfter(was.until())
                    || !was.cookies().equals(cookies(cookie(r, Cookies.SESSION), cookie(r, Cookies.CSRF)))) {
                context.next();
                return;
            }
            context.response().setStatusCode(304)
                    .putHeader(HttpHeaders.ETAG, ifNoneMatch.strip())
                    .putHeader(HttpHeaders.CACHE_CONTROL, PRIVATE)
                    .putHeader(HttpHeaders.VARY, "Cookie")
                    .end();
        });
    }

    private static String cookie(HttpServerRequest request, String name) {
        io.vertx.core.http.Cookie c = request.getCookie(name);
        return c == null ? "" : c.getValue();
    }

    private Page page(String key, Supplier<TemplateInstance> render) {
        synchronized (this) {
            Page page = kept.get(key);
            if (page != null) {
                return page;
            }
        }
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> running = rendering.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            byte[] html = render.get().render().getBytes(StandardCharsets.UTF_8);
            Page page = new Page(gzip(html), html.length);
            keep(key, page);
            mine.complete(page);
            return page;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }

    private synchronized void keep(String key, Page page) {
        if (page.gzip().length > maxBytes) {
            return;
        }
        Page before = kept.put(key, page);
        keptBytes += page.gzip().length - (before == null ? 0 : before.gzip().length);
        var oldest = kept.entrySet().iterator();
        while (keptBytes > maxBytes && oldest.hasNext()) {
            keptBytes -= oldest.next().getValue().gzip().length;
            oldest.remove();
        }
    }

    /** Bytes of pages kept now (for tests and the health of the cache). */
    synchronized long keptBytes() {
        return keptBytes;
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(2); // weak comparison: W/ on either side is ignored
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals(opaque) || (c.startsWith("W/") && c.substring(2).equals(opaque))) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.strip().split(";");
            if (coding[0].strip().equalsIgnoreCase("gzip")) {
                return coding.length < 2 || !coding[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 5 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
