package app.marginalia.web.browser;

import app.marginalia.web.TestLibrary;
import app.marginalia.web.Visitor;
import app.marginalia.web.pdf.PdfTestSupport;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A note made on the PDF's pages lies on the same words in the text view, and the other way round:
 * both views select into the same canonical text, and the pages draw highlights from its layout.
 */
@QuarkusTest
class PdfBrowserTest extends BrowserTest {

    @AfterEach
    void removeAddedPapers() {
        TestLibrary.removeAddedPapers();
    }

    @Test
    void shouldShowANoteMadeOnThePagesOnTheSameWordsInTheTextAndBack() {
        Visitor reader = Visitor.register("pdfreader");
        long id = PdfTestSupport.addPaper(reader, "two-column.pdf");
        try (BrowserContext context = browser.signedIn(reader, 1280, 900)) {
            Page pages = context.newPage();
            pages.navigate("/papers/" + id + "/pages?group=0");
            assertThat(pages.locator(".pdf-page").first().locator("img")).isVisible();
            // A phrase on a line of the first page: the first 3 words of its first long line.
            Locator line = pages.locator(".pdf-page__text span[data-start]").filter(
                    new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("\\w+ \\w+ \\w+ \\w+ \\w+"))).first();
            String lineText = line.textContent();
            int phraseEnd = nthSpace(lineText, 3);
            String phrase = lineText.substring(0, phraseEnd);
            line.evaluate("(el, end) => { const r = document.createRange(); r.setStart(el.firstChild, 0);"
                    + "r.setEnd(el.firstChild, end); const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); }",
                    phraseEnd);
            pages.getByRole(AriaRole.TOOLBAR).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Note")).click();
            pages.locator("#composer").getByLabel("Note").fill("Made on the page.");
            pages.locator("#composer").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            pages.waitForURL(java.util.regex.Pattern.compile(".*/pages\\?group=0#annotation-\\d+"));
            long fromPages = Long.parseLong(pages.url().replaceAll(".*#annotation-", ""));
            assertThat(pages.locator("a.pdf-hl[href='#annotation-" + fromPages + "']")).hasCount(1);
            assertThat(pages.locator("#annotation-" + fromPages)).containsText("Made on the page.");
            pages.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/pdf-pages.png")));

            Page text = context.newPage();
            text.navigate("/papers/" + id + "?group=0");
            assertThat(text.locator("#annotation-" + fromPages)).containsText("Made on the page.");
            assertEquals(phrase, highlighted(text, fromPages));

            // The other way: a phrase selected in the text view is drawn over the same line on the page.
            // A body paragraph of a dozen words or more (the first such block is the abstract's).
            Locator paragraph = text.locator(".paper-text p[data-start]").filter(new Locator.FilterOptions()
                    .setHasText(java.util.regex.Pattern.compile("(\\w+ ){12}"))).nth(2);
            String paragraphText = paragraph.textContent();
            int from = nthSpace(paragraphText, 2) + 1;
            int to = nthSpace(paragraphText, 5);
            String second = paragraphText.substring(from, to);
            paragraph.evaluate("(el, [from, to]) => { const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);"
                    + "let pos = 0, n, r = document.createRange(), started = false;"
                    + "while ((n = w.nextNode())) { const len = n.data.length;"
                    + " if (!started && from <= pos + len) { r.setStart(n, from - pos); started = true; }"
                    + " if (to <= pos + len) { r.setEnd(n, to - pos); break; } pos += len; }"
                    + "const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); }", List.of(from, to));
            text.getByRole(AriaRole.TOOLBAR).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Note")).click();
            text.locator("#composer").getByLabel("Note").fill("Made in the text.");
            text.locator("#composer").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            text.waitForURL(java.util.regex.Pattern.compile(".*#annotation-\\d+"));
            long fromText = Long.parseLong(text.url().replaceAll(".*#annotation-", ""));
            // The page reloads at the new thread (reader.js); its margin shows the note once it has.
            assertThat(text.locator("#annotation-" + fromText)).containsText("Made in the text.");
            text.waitForLoadState();
            assertEquals(second, highlighted(text, fromText));

            // Same address but the fragment: a navigation would only scroll, so load the page anew.
            pages.navigate("/papers/" + id + "/pages?group=0#annotation-" + fromText);
            pages.reload();
            Locator box = pages.locator("a.pdf-hl[href='#annotation-" + fromText + "'] rect").first();
            box.scrollIntoViewIfNeeded();
            // What lies under the middle of the highlight's first box is the text layer's line holding its first word.
            @SuppressWarnings("unchecked")
            Map<String, Object> under = (Map<String, Object>) box.evaluate("rect => { const b = rect.getBoundingClientRect();"
                    + "const el = document.elementsFromPoint(b.left + Math.min(4, b.width / 2), b.top + b.height / 2)"
                    + "  .find(e => e.matches('.pdf-page__text span[data-start]'));"
                    + "return el ? {start: Number(el.dataset.start), end: Number(el.dataset.end), text: el.textContent} : null; }");
            assertTrue(under != null, "a text-layer line lies under the highlight");
            assertTrue(((String) under.get("text")).contains(second.split(" ")[0]), under.toString());
            assertThat(pages.locator("#annotation-" + fromText)).containsText("Made in the text.");
        }
    }

    @Test
    void shouldMarkAnotherMembersNewNoteOnThePagesWithoutReloading() {
        app.marginalia.web.group.GroupFixture g = new app.marginalia.web.group.GroupFixture();
        long id = PdfTestSupport.addPaper(g.owner, "two-column.pdf");
        g.owner.post("/groups/" + g.id + "/list", "paperId", String.valueOf(id)).then().statusCode(303);
        io.restassured.path.json.JsonPath paper = g.owner.get("/api/papers/" + id).jsonPath();
        String text = paper.getString("text.content");
        int start = paper.getInt("text.blocks[3].start");
        int end = start + 24;
        String exact = text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
        try (BrowserContext member = browser.signedIn(g.member, 1280, 900)) {
            Page pages = member.newPage();
            pages.navigate("/papers/" + id + "/pages?group=" + g.id);
            pages.waitForFunction("() => document.querySelector('[data-live-status]').hidden");
            pages.evaluate("() => { window.stayedOpen = 'yes'; }");
            pages.waitForTimeout(300);

            Map<String, Object> note = new java.util.HashMap<>(Map.of("groupId", Long.valueOf(g.id), "motivation",
                    "COMMENTING", "start", start, "end", end, "exact", exact, "body", "Live on the page.", "tags", List.of()));
            io.restassured.response.Response created = g.owner.json("POST", "/api/papers/" + id + "/annotations", note);
            assertEquals(201, created.statusCode(), created.asString());

            assertThat(pages.locator("#thread-list")).containsText("Live on the page.",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(2000));
            Locator live = pages.locator(".pdf-page__text mark.hl--live");
            assertThat(live.first()).isVisible();
            // The marks cover the note's words; the spaces joining lines have no glyphs, so compare without spaces.
            assertEquals(exact.replace(" ", ""), String.join("", live.allTextContents()).replace(" ", ""),
                    "the live mark covers the note's words");
            assertEquals("yes", pages.evaluate("() => window.stayedOpen"), "no reload");
        } finally {
            TestLibrary.removeAddedPapers();
        }
    }

    /** The text of the text view's highlight of a note, its segments joined. */
    private static String highlighted(Page page, long noteId) {
        return (String) page.evaluate("id => [...document.querySelectorAll('mark.hl')]"
                + ".filter(m => m.dataset.annotations.split(' ').includes(id))"
                + ".map(m => m.textContent).join('')", String.valueOf(noteId));
    }

    private static int nthSpace(String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(' ', at + 1);
        }
        return at;
    }
}
