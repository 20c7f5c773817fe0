package app.marginalia.web.system;

import app.marginalia.core.account.SessionToken;
import app.marginalia.persistence.account.AccountSession;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads the signed session cookie, and the session row it names, into {@link CurrentUser} for
 * every request, gives each visitor a CSRF nonce, enforces the members-only setting, and writes
 * the cookies back.
 */
public class SessionFilter {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CurrentUser current;
    @Inject
    SessionKeys keys;
    @Inject
    Sessions sessions;
    @Inject
    MarginaliaConfig config;
    @Inject
    RateLimits rateLimits;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext context, HttpServerRequest request) {
        Instant now = Instant.now();
        // One statement finds the live session and its account, as loading the account alone did.
        cookie(context, Cookies.SESSION)
                .flatMap(value -> SessionToken.decode(value, keys.signer(), now, config.session().maxAge()))
                .ifPresent(token -> AccountSession.findLive(token.storedId(), now).ifPresentOrElse(
                        session -> sessions.resume(token, session, now), sessions::forget));
        Optional<String> nonce = cookie(context, Cookies.CSRF).filter(n -> n.length() >= 16 && n.length() <= 64);
        sessions.bindCsrf(nonce.orElseGet(SessionFilter::newNonce), nonce.isEmpty());
        cookie(context, Cookies.FLASH).flatMap(Flash::decode).ifPresent(current::flash);

        if (current.isSignedIn() && !CsrfFilter.SAFE_METHODS.contains(context.getMethod())) {
            try {
                rateLimits.write(current.require().id());
            } catch (TooManyRequestsException e) {
                return Optional.of(Response.fromResponse(ErrorPages.respond(request, 429, "Too many requests",
                        e.getMessage())).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build());
            }
        }
        if (config.membersOnly() && !current.isSignedIn() && !isPublic(request.path())) {
            return Optional.of(request.path().startsWith("/api/")
                    ? ErrorPages.respond(request, 401, "Sign in", "This Marginalia is for members only. Sign in first.")
                    : Response.seeOther(URI.create("/login?next="
                    + URLEncoder.encode(request.uri(), StandardCharsets.UTF_8))).build());
        }
        return Optional.empty();
    }

    @ServerResponseFilter
    public void writeCookies(ContainerResponseContext response, HttpServerRequest request) {
        boolean secure = "https".equals(request.scheme());
        if (secure) {
            secureCookiesSetByResources(response);
        }
        sessions.pendingCookies(secure).forEach(c -> response.getHeaders().add(HttpHeaders.SET_COOKIE, c));
        if (current.getFlash() != null && !setsFlash(response)) {
            // Shown once: this response showed it, unless it already leaves a new one.
            response.getHeaders().add(HttpHeaders.SET_COOKIE, Cookies.expired(Cookies.FLASH, secure));
        }
        Object caching = response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL);
        if (caching != null && caching.toString().startsWith("private")) {
            // A response that is the viewer's own says so (RenderedPages: their browser may keep the
            // page and revalidate it each time); shared caches never keep it. Left as it is.
            return;
        }
        if (current.isSignedIn()) {
            // Pages of a signed-in member show private things: never keep them in shared caches.
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    /**
     * Resources set cookies (the flash message) without knowing the scheme; over HTTPS every
     * cookie of ours is Secure, decided here in one place.
     */
    private static void secureCookiesSetByResources(ContainerResponseContext response) {
        List<Object> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (cookies != null) {
            cookies.replaceAll(c -> c instanceof NewCookie n && !n.isSecure() ? new NewCookie.Builder(n).secure(true).build()
                    : c instanceof String line && !line.contains("; Secure") ? line + "; Secure" : c);
        }
    }

    private static boolean setsFlash(ContainerResponseContext response) {
        List<Object> cookies = response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        return cookies.stream().anyMatch(c -> c instanceof NewCookie n ? n.getName().equals(Cookies.FLASH)
                : String.valueOf(c).startsWith(Cookies.FLASH + "="));
    }

    static String newNonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> cookie(ContainerRequestContext context, String name) {
        Cookie cookie = context.getCookies().get(name);
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    private static boolean isPublic(String path) {
        return path.equals("/login") || path.equals("/register") || path.startsWith("/invite/") || path.startsWith("/q/");
    }
}
