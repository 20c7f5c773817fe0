package app.marginalia.core.annotation;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notes are Markdown, rendered by commonmark and then sanitised to an allow-list: raw HTML in
 * a note is shown as text, never run; links may only be http, https or mailto and always get
 * {@code rel="nofollow noopener noreferrer"}; images are not allowed at all.
 * <p>
 * Where notes leave the application as Markdown (minutes, digests), {@link #toSafeMarkdown}
 * applies the same rules to the Markdown text itself, since whoever opens the file renders it
 * with a viewer of their own that may well run raw HTML or follow a {@code javascript:} link.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final Parser SPANNING_PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    /** A URL scheme as browsers read one: letters first, ignoring the whitespace and controls they strip. */
    private static final Pattern SCHEME = Pattern.compile("^[\\x00-\\x20]*([a-zA-Z][a-zA-Z0-9+.\\-\\s]*):");
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>").build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "hr",
                    "h3", "h4", "h5", "h6", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private Markdown() {
    }

    /** Safe HTML for a note's Markdown. */
    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        // Headings in a margin note stay small: # and ## become level three.
        String html = RENDERER.render(PARSER.parse(markdown)).replace("<h1>", "<h3>").replace("</h1>", "</h3>")
                .replace("<h2>", "<h3>").replace("</h2>", "</h3>");
        return POLICY.sanitize(html);
    }

    /**
     * The Markdown with the renderer's rules applied to the text itself: raw HTML is escaped (it
     * reads as the text it is, in any viewer), links whose scheme is not http, https or mailto
     * become their plain text, and images become a plain link to the picture (or just their
     * description) so no viewer loads anything by opening the file. Everything else is kept
     * byte for byte.
     */
    public static String toSafeMarkdown(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return markdown == null ? "" : markdown;
        }
        // Removing one construct can complete another around it ("[a [b](javascript:1)](javascript:2)"
        // loses its inner link and the outer one appears), so repeat until nothing changes.
        String current = markdown;
        for (int pass = 0; pass < SANITISING_PASSES; pass++) {
            String next = sanitisePass(current);
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        return escapeText(markdown); // nested beyond reason: all of it as plain text
    }

    private static final int SANITISING_PASSES = 8;

    private static String sanitisePass(String markdown) {
        List<Edit> edits = new ArrayList<>();
        SPANNING_PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock html) {
                escapeAngles(html);
            }

            @Override
            public void visit(HtmlInline html) {
                escapeAngles(html);
            }

            @Override
            public void visit(Link link) {
                if (safe(link.getDestination())) {
                    visitChildren(link);
                } else {
                    replace(link, escapeText(textOf(link)));
                }
            }

            @Override
            public void visit(Image image) {
                String description = escapeText(textOf(image));
                replace(image, safe(image.getDestination()) && !image.getDestination().isBlank()
                        ? "[" + (description.isBlank() ? "image" : description) + "](<" + image.getDestination()
                        .replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">)"
                        : description);
            }

            @Override
            public void visit(LinkReferenceDefinition definition) {
                if (!safe(definition.getDestination())) {
                    replace(definition, "");
                }
            }

            private void escapeAngles(Node node) {
                for (SourceSpan span : node.getSourceSpans()) {
                    String text = markdown.substring(span.getInputIndex(), span.getInputIndex() + span.getLength());
                    edits.add(new Edit(span.getInputIndex(), span.getInputIndex() + span.getLength(),
                            text.replace("<", "\\<")));
                }
            }

            private void replace(Node node, String replacement) {
                List<SourceSpan> spans = node.getSourceSpans();
                if (spans.isEmpty()) {
                    return;
                }
                SourceSpan first = spans.get(0);
                SourceSpan last = spans.get(spans.size() - 1);
                edits.add(new Edit(first.getInputIndex(), last.getInputIndex() + last.getLength(), replacement));
            }
        });
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder out = new StringBuilder(markdown);
        int limit = Integer.MAX_VALUE;
        for (Edit edit : edits) {
            // Edits never overlap (a replaced link's children are not visited); stay safe if one did.
            if (edit.end() <= limit) {
                out.replace(edit.start(), edit.end(), edit.replacement());
                limit = edit.start();
            }
        }
        return out.toString();
    }

    private record Edit(int start, int end, String replacement) {
    }

    /** An absolute http, https or mailto address that can stand in an autolink ({@code <…>}). */
    public static boolean isSafeLink(String url) {
        return url != null && SCHEME.matcher(url).find() && safe(url) && url.chars()
                .noneMatch(c -> c == '<' || c == '>' || Character.isWhitespace(c) || Character.isISOControl(c));
    }

    /** A destination without a scheme is relative; with one, it must be on the allow-list. */
    private static boolean safe(String destination) {
        if (destination == null) {
            return true;
        }
        Matcher m = SCHEME.matcher(destination);
        if (!m.find()) {
            return true;
        }
        return SAFE_SCHEMES.contains(m.group(1).replaceAll("\\s", "").toLowerCase(Locale.ROOT));
    }

    private static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                out.append(code.getLiteral());
            }
        });
        return out.toString();
    }

    /** Plain text (a name, a title, a neutralised link) that no Markdown viewer reads as markup; on one line. */
    public static String escapeText(String text) {
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
}
