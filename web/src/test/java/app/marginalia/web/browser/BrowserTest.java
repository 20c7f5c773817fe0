package app.marginalia.web.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;


/** What every real-browser test shares: one headless Chromium per test class, and selecting text. */
abstract class BrowserTest {

    protected static Browser browser;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** Selects text in a paragraph by code-unit offsets into its text, as dragging the mouse would. */
    protected static void select(Page page, String paragraph, int start, int end) {
        page.evaluate("([id, start, end]) => {"
                + "const p = document.getElementById(id); const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);"
                + "let pos = 0, node, range = document.createRange(), started = false;"
                + "while ((node = walker.nextNode())) { const len = node.data.length;"
                + "  if (!started && start <= pos + len) { range.setStart(node, start - pos); started = true; }"
                + "  if (end <= pos + len) { range.setEnd(node, end - pos); break; } pos += len; }"
                + "const s = window.getSelection(); s.removeAllRanges(); s.addRange(range); }",
                List.of(paragraph, start, end));
    }
}
