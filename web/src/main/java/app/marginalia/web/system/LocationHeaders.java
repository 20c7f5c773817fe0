package app.marginalia.web.system;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.util.Optional;

/**
 * Keeps the request's {@code Host} header out of redirects. Resources redirect to paths
 * ({@code Response.seeOther(URI.create("/groups/3"))}); RESTEasy Reactive turns those into
 * absolute URLs built from the {@code Host} the client sent, so a spoofed {@code Host} (through
 * a proxy that passes it on, or into a shared cache) would send people to another site. Every
 * such self-redirect is rewritten here, in one place: to {@code marginalia.base-url} plus the
 * path when that is configured, else to the bare path, which browsers resolve against the
 * address they actually requested.
 */
public class LocationHeaders {

    private final Optional<String> base;

    LocationHeaders(MarginaliaConfig config) {
        this.base = baseUrl(config);
    }

    /** The configured base URL without its trailing slash; refused unless an absolute http(s) address. */
    public static Optional<String> baseUrl(MarginaliaConfig config) {
        return config.baseUrl().map(uri -> {
            if (!uri.isAbsolute() || uri.getHost() == null || !uri.getScheme().matches("(?i)https?")) {
                throw new IllegalStateException("marginalia.base-url must be an absolute http or https address such as "
                        + "https://reading.example.org, not " + uri);
            }
            return withoutTrailingSlash(uri);
        });
    }

    @ServerResponseFilter
    public void ownAddressOnly(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI uri;
        try {
            uri = location instanceof URI u ? u : URI.create(location.toString());
        } catch (IllegalArgumentException notAUri) {
            return;
        }
        URI requested = request.getUriInfo().getBaseUri();
        boolean self = !uri.isAbsolute() || (uri.getRawAuthority() != null
                && uri.getRawAuthority().equalsIgnoreCase(requested.getRawAuthority()));
        if (!self) {
            return; // a redirect to another site was meant as such
        }
        response.getHeaders().putSingle(HttpHeaders.LOCATION, base.orElse("") + pathOf(uri));
    }

    /** Path, query and fragment; never "//…", which a browser would read as another host. */
    static String pathOf(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        path = "/" + path.replaceFirst("^/+", "");
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private static String withoutTrailingSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
