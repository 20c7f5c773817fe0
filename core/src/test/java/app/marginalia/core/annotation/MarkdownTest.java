package app.marginalia.core.annotation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownTest {

    @Test
    void shouldRenderEverydayMarkdown() {
        String html = Markdown.toSafeHtml("**Key claim**: features live in *superposition*.\n\n- one\n- two\n\n`code`");
        assertTrue(html.contains("<strong>Key claim</strong>"), html);
        assertTrue(html.contains("<em>superposition</em>"), html);
        assertTrue(html.contains("<li>one</li>"), html);
        assertTrue(html.contains("<code>code</code>"), html);
    }

    @Test
    void shouldShowRawHtmlAsInertText() {
        String html = Markdown.toSafeHtml("<img src=x onerror=alert(1)> and <script>alert(2)</script>");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onerror=alert(1)>"), html);
        assertTrue(html.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;") || html.contains("&lt;img"), html);
    }

    @Test
    void shouldAllowOnlyWebLinksAndMarkThemNofollow() {
        String html = Markdown.toSafeHtml("[paper](https://arxiv.org/abs/2209.10652) [bad](javascript:alert(1))");
        assertTrue(html.contains("href=\"https://arxiv.org/abs/2209.10652\""), html);
        assertTrue(html.contains("rel=\"nofollow noopener noreferrer\""), html);
        assertFalse(html.contains("javascript:"), html);
    }

    @Test
    void shouldDropImagesAndEventHandlers() {
        String html = Markdown.toSafeHtml("![x](https://example.org/x.png) [a](https://e.org \"t\")");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("onload"), html);
        assertEquals("", Markdown.toSafeHtml("  "));
    }
}
