package app.marginalia.core.paper;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one form in which a paper's text is stored: Unicode NFC, {@code \n} line ends, no
 * control characters. Every offset in Marginalia counts Unicode code points in this form, as
 * the W3C Web Annotation model requires, so it must be produced in exactly one place.
 */
public final class CanonicalText {

    private CanonicalText() {
    }

    /** Canonicalises raw text; {@code null} becomes the empty string. */
    public static String of(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            out.append(stripControls(line).stripTrailing()).append('\n');
        }
        // At most one blank line between paragraphs, none at either end.
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Canonicalises a one-line value (a title, an author list): whitespace runs become one space. */
    public static String singleLine(String raw) {
        return of(raw).replaceAll("\\s+", " ").strip();
    }

    /** Length in code points: the unit of every offset. */
    public static int length(String canonical) {
        return canonical.codePointCount(0, canonical.length());
    }

    /**
     * Splits canonical text into paragraphs at blank lines. Offsets are code points into the
     * whole text, so the reader can later map a selection inside a paragraph back to the text.
     */
    public static List<Paragraph> paragraphs(String canonical) {
        List<Paragraph> paragraphs = new ArrayList<>();
        int charPos = 0;
        int codePointPos = 0;
        while (charPos < canonical.length()) {
            int end = canonical.indexOf("\n\n", charPos);
            if (end < 0) {
                end = canonical.length();
            }
            String body = canonical.substring(charPos, end);
            int bodyLength = body.codePointCount(0, body.length());
            if (!body.isBlank()) {
                paragraphs.add(new Paragraph(codePointPos, codePointPos + bodyLength, body));
            }
            codePointPos += bodyLength;
            charPos = end;
            while (charPos < canonical.length() && canonical.charAt(charPos) == '\n') {
                charPos++;
                codePointPos++;
            }
        }
        return paragraphs;
    }

    private static String stripControls(String line) {
        StringBuilder out = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** A paragraph of canonical text: [start, end) in code points, and its text. */
    public record Paragraph(int start, int end, String text) {
    }
}
