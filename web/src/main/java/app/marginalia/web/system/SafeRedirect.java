package app.marginalia.web.system;

/** Where a "next" parameter may send someone after signing in: only to a path on this site. */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    public static String localPath(String next, String fallback) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.length() > 500 || next.chars().anyMatch(Character::isISOControl)) {
            return fallback;
        }
        return next;
    }
}
