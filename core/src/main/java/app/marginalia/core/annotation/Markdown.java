package app.marginalia.core.annotation;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Notes are Markdown, rendered by commonmark and then sanitised to an allow-list: raw HTML in
 * a note is shown as text, never run; links may only be http, https or mailto and always get
 * {@code rel="nofollow noopener noreferrer"}; images are not allowed at all.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
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
}
