package app.marginalia.web.system;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-site request forgery protection for every state-changing request: it must come from
 * a page of this site (Origin, or else Referer) and carry the visitor's CSRF token, as the
 * {@code _csrf} form field or the {@code X-CSRF-Token} header.
 */
public class CsrfFilter {

    public static final String FORM_FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    /** Methods that change nothing; every other method passes this filter and counts as a write. */
    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CurrentUser current;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    @WithFormRead
    public Optional<Response> check(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        if (SAFE_METHODS.contains(context.getMethod())) {
            return Optional.empty();
        }
        String site = request.scheme() + "://" + request.getHeader("Host");
        String origin = Optional.ofNullable(request.getHeader("Origin"))
                .or(() -> Optional.ofNullable(request.getHeader("Referer")).map(CsrfFilter::originOf))
                .orElse(null);
        if (origin == null || !origin.equalsIgnoreCase(site)) {
            return Optional.of(ErrorPages.respond(request, 403, "Request refused",
                    "This request did not come from a page of this site, so it was refused to protect your account. "
                            + "Go back, reload the page and try again."));
        }
        String token = Optional.ofNullable(request.getHeader(HEADER)).orElseGet(() -> formToken(context));
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                current.getCsrfToken().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(ErrorPages.respond(request, 403, "Form expired",
                    "This form is out of date or did not come from this site (its security token is missing or wrong). "
                            + "Go back, reload the page and try again."));
        }
        return Optional.empty();
    }

    private static String formToken(ResteasyReactiveContainerRequestContext context) {
        Object value = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                .getFormParameter(FORM_FIELD, true, false);
        return value == null ? null : value.toString();
    }

    private static String originOf(String referer) {
        try {
            URI uri = URI.create(referer);
            return uri.getScheme() == null || uri.getRawAuthority() == null ? null
                    : uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
