package app.marginalia.web.system;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a "next" parameter may send someone after signing in: only to a path on this site, and
 * only one that is a valid URI, since the redirect is built with {@link URI#create}.
 */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    public static String localPath(String next, String fallback) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.length() > 500 || next.chars().anyMatch(Character::isISOControl)) {
            return fallback;
        }
        try {
            // Spaces, |, ", <, ^, {, `, or a % not followed by two hex digits make no URI: a
            // browser would have encoded them, so such a value was not a link of ours.
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : fallback;
        } catch (URISyntaxException e) {
            return fallback;
        }
    }
}
