package app.marginalia.core.document;

import app.marginalia.core.paper.CanonicalText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structure in text a member types or pastes, and the same text written back for the edit form,
 * so that {@code parse(source(parts))} gives the parts again. Recognised, per paragraph:
 * <ul>
 *   <li>Markdown headings {@code #}, {@code ##}, {@code ###} (the marks are not part of the text);</li>
 *   <li>numbered headings, a short single line such as {@code 1 Introduction} or {@code 2.1 Method}
 *       (level from the number of parts; the number stays in the text);</li>
 *   <li>captions: {@code Figure 2:}, {@code Fig. 3.}, {@code Table 1:}, {@code Algorithm 1}…;</li>
 *   <li>displayed equations written {@code $$ …} and footnotes written {@code [^]: …};</li>
 *   <li>references: every paragraph after a "References" or "Bibliography" heading, until the next heading.</li>
 * </ul>
 */
public final class StructuredText {

    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^(#{1,6})[ \\t]+(.+?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern NUMBERED_HEADING =
            Pattern.compile("^((?:\\d{1,2}|[IVX]{1,4}|[A-H])(?:\\.\\d{1,2}){0,2})\\.?[ \\t]+(\\p{Lu}[^\\n]{0,78})$");
    private static final Pattern CAPTION = Pattern.compile(
            "^(Figure|Fig\\.|Table|Algorithm|Listing|Supplementary Figure)\\s*[A-Z]?\\d+[a-z]?\\s*[.:|—–-]\\s*\\S.*",
            Pattern.DOTALL);
    private static final Pattern REFERENCES = Pattern.compile(
            "^(?:\\d{1,2}\\.?\\s+)?(References|Bibliography|Works Cited|Literature Cited|Citations)\\.?$",
            Pattern.CASE_INSENSITIVE);
    private static final String EQUATION_MARK = "$$ ";
    private static final String FOOTNOTE_MARK = "[^]: ";

    private StructuredText() {
    }

    public static List<Part> parse(String source) {
        List<Part> parts = new ArrayList<>();
        boolean inReferences = false;
        for (CanonicalText.Paragraph p : CanonicalText.paragraphs(CanonicalText.of(source))) {
            String text = p.text();
            Matcher markdown = MARKDOWN_HEADING.matcher(text);
            Matcher numbered = NUMBERED_HEADING.matcher(text);
            if (!text.contains("\n") && markdown.matches()) {
                String heading = markdown.group(2).strip();
                parts.add(Part.heading(markdown.group(1).length(), heading));
                inReferences = REFERENCES.matcher(heading).matches();
            } else if (!text.contains("\n") && numbered.matches() && looksLikeHeading(numbered.group(2))) {
                int level = numbered.group(1).split("\\.").length;
                parts.add(Part.heading(level, text));
                inReferences = REFERENCES.matcher(text).matches();
            } else if (!text.contains("\n") && REFERENCES.matcher(text).matches()) {
                parts.add(Part.heading(1, text));
                inReferences = true;
            } else if (text.startsWith(EQUATION_MARK)) {
                parts.add(Part.of(BlockKind.EQUATION, text.substring(EQUATION_MARK.length()).strip()));
            } else if (text.startsWith(FOOTNOTE_MARK)) {
                parts.add(Part.of(BlockKind.FOOTNOTE, text.substring(FOOTNOTE_MARK.length()).strip()));
            } else if (CAPTION.matcher(text).matches()) {
                parts.add(Part.of(BlockKind.CAPTION, text));
            } else {
                parts.add(Part.of(inReferences ? BlockKind.REFERENCE : BlockKind.PARAGRAPH, text));
            }
        }
        return parts;
    }

    /** A heading is short and does not read as a sentence. */
    private static boolean looksLikeHeading(String title) {
        return title.length() <= 80 && !title.endsWith(".") && !title.endsWith(",") && !title.endsWith(";")
                && title.split("\\s+").length <= 12;
    }

    /** The parts as a member edits them; {@link #parse} reads it back into the same parts. */
    public static String source(List<Part> parts) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            switch (part.kind()) {
                case HEADING -> out.append("#".repeat(Math.max(1, part.level()))).append(' ').append(part.text());
                case EQUATION -> out.append(EQUATION_MARK).append(part.text());
                case FOOTNOTE -> out.append(FOOTNOTE_MARK).append(part.text());
                default -> out.append(part.text());
            }
        }
        return out.toString();
    }
}
