package app.marginalia.core.discussion;

import app.marginalia.core.annotation.Markdown;

/** Small helpers for writing Markdown documents from plain values. */
public final class MarkdownText {

    private MarkdownText() {
    }

    /** Plain text (a name, a title) that must not turn into Markdown formatting. */
    static String escape(String text) {
        return Markdown.escapeText(text);
    }

    /** A passage as a block quote, every line prefixed. */
    public static String quote(String text) {
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
