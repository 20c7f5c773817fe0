package app.marginalia.core.discussion;

/** Small helpers for writing Markdown documents from plain values. */
public final class MarkdownText {

    private MarkdownText() {
    }

    /** Plain text (a name, a title) that must not turn into Markdown formatting. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>#|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return out.toString();
    }

    /** A passage as a block quote, every line prefixed. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.strip().split("\\R", -1)) {
            out.append("> ").append(escape(line)).append('\n');
        }
        return out.toString();
    }

    /** The first {@code max} code points of a text on one line, for lists; null stays null. */
    public static String excerpt(String text, int max) {
        if (text == null) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        int cut = flat.offsetByCodePoints(0, Math.min(max, flat.codePointCount(0, flat.length())));
        return cut < flat.length() ? flat.substring(0, cut).strip() + "…" : flat;
    }
}
