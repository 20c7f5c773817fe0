package app.marginalia.core.annotation;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Markdown leaving the application (minutes, digests) is opened in viewers we do not control,
 * so it is judged here by the most trusting one: commonmark with raw HTML passed through and
 * no URL sanitising.
 */
class SafeMarkdownTest {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer TRUSTING_VIEWER = HtmlRenderer.builder().build();

    private static String viewed(String markdown) {
        return TRUSTING_VIEWER.render(PARSER.parse(markdown)).toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "Look: <img src=x onerror=alert(1)> here",
            "<a href=\"javascript:alert(1)\">click</a>",
            "> <iframe src=\"https://evil.example\"></iframe>",
            "- item\n\n  <div\n  onclick=\"alert(1)\">x</div>",
            "<svg/onload=alert(1)>",
            "<!-- <script>alert(1)</script> -->",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](java&#115;cript:alert(1))",
            "[x](<javascript:alert(1)>)",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<javascript:alert(1)>",
            "<data:text/html,<script>alert(1)</script>>",
            "![p](javascript:alert(1))",
            "![p](https://evil.example/pixel.png)",
            "[ref] and [other][ref]\n\n[ref]: javascript:alert(1)",
            "**[bold *link*](javascript:alert(1))** after",
            "[outer ![img](x.png)](javascript:alert(1))",
            "[a [b](javascript:alert(1))](javascript:alert(2))",
            "<div>a\\<b onmouseover=alert(1)>x</b></div>",
    })
    void shouldLeaveNothingAViewerWouldRunOrLoad(String payload) {
        String html = viewed(Markdown.toSafeMarkdown(payload));
        for (String tag : new String[]{"<script", "<img", "<iframe", "<div", "<svg", "<a href=\"javascript", "<!--"}) {
            assertFalse(html.contains(tag), tag + " in " + html);
        }
        for (String scheme : new String[]{"javascript:", "vbscript:", "data:"}) {
            assertFalse(html.contains("href=\"" + scheme), scheme + " link in " + html);
        }
        assertTrue(Jsoup.parseBodyFragment(html).select("[src]").isEmpty(), "nothing loads: " + html);
    }

    @Test
    void shouldKeepTheWordsOfWhatItNeutralises() {
        assertEquals("\\<script>alert(1)\\</script>", Markdown.toSafeMarkdown("<script>alert(1)</script>"));
        assertEquals("Look: \\<img src=x onerror=alert(1)> here",
                Markdown.toSafeMarkdown("Look: <img src=x onerror=alert(1)> here"));
        assertEquals("see x for details", Markdown.toSafeMarkdown("see [x](javascript:alert(1)) for details"));
        assertEquals("javascript:alert(1)", Markdown.toSafeMarkdown("<javascript:alert(1)>"));
        assertEquals("[a chart](<https://example.org/c.png>)", Markdown.toSafeMarkdown("![a chart](https://example.org/c.png)"));
        // The text a viewer shows is the text written: the escaped HTML reads as itself.
        assertTrue(viewed(Markdown.toSafeMarkdown("<b>bold?</b>")).contains("&lt;b&gt;bold?&lt;/b&gt;"));
    }

    @Test
    void shouldKeepEverydayMarkdownByteForByte() {
        String everyday = "# Notes\n\n**Key claim**: see [the paper](https://arxiv.org/abs/1) or <https://example.org>,"
                + " mail <ada@example.org>, [relative](/papers/3) and [anchor](#para-2).\n\n"
                + "- `code <b>not html</b>`\n- 2 < 3 and 5 > 4\n\n```\n<script>in a code block</script>\n```\n\n"
                + "> quoted *text*\n\n[ref]\n\n[ref]: https://example.org/ref\n";
        assertEquals(everyday, Markdown.toSafeMarkdown(everyday));
    }

    @Test
    void shouldAcceptOnlyAbsoluteWebAndMailAddressesAsBareLinks() {
        assertTrue(Markdown.isSafeLink("https://arxiv.org/abs/1706.03762"));
        assertTrue(Markdown.isSafeLink("mailto:ada@example.org"));
        assertFalse(Markdown.isSafeLink("javascript:alert(1)"));
        assertFalse(Markdown.isSafeLink("https://x.example/a>b"));
        assertFalse(Markdown.isSafeLink("/relative"));
        assertFalse(Markdown.isSafeLink(null));
    }
}
