package app.marginalia.web.browser;

import app.marginalia.web.group.GroupFixture;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import app.marginalia.web.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A structured paper in a real browser: the abstract, headings, a caption, an equation, a
 * footnote and references all take selections like paragraphs, and a highlight made on a heading,
 * on a reference, or across the abstract into a heading stands on exactly the words selected.
 */
@QuarkusTest
class DocumentBrowserTest extends BrowserTest {

    @AfterEach
    void removeAddedPapers() {
        TestLibrary.removeAddedPapers();
    }


    private static final String ABSTRACT = "We read whole papers together, not only their abstracts.";
    private static final String BODY = "# 1 Introduction\n\nReading groups annotate papers in the margin.\n\n"
            + "## 1.1 Why margins\n\nA margin keeps a remark beside its passage.\n\n"
            + "Figure 1: Notes per passage over a year.\n\n$$ n(t) = n_0 e^{-t/τ}\n\n"
            + "[^]: Counted per group.\n\n# 2 Results\n\nThreads on passages lasted weeks.\n\n"
            + "# References\n\n[1] Marshall, C. Annotation: from paper books to the digital library. 1997.\n\n"
            + "[2] Hypothesis. Annotating the web. 2020.";

    @Test
    void shouldHighlightHeadingsReferencesAndAcrossBlocksOnTheSelectedWords() {
        GroupFixture g = new GroupFixture();
        String paperId = g.admin.post("/papers", "title", "Whole papers " + System.nanoTime(), "abstractText", ABSTRACT,
                "fullText", BODY, "confirmDuplicate", "true").then().statusCode(303).extract().header("Location")
                .replaceAll(".*/papers/(\\d+).*", "$1");
        g.owner.post("/groups/" + g.id + "/list", "paperId", paperId).then().statusCode(303);
        String text = g.member.get("/api/papers/" + paperId).jsonPath().getString("text.content");
        String shots = java.util.Objects.requireNonNullElse(System.getenv("SCREENSHOT_DIR"), "");
        try (BrowserContext wide = browser.signedIn(g.member, 1280, 900);
             BrowserContext phone = browser.signedIn(g.member, 390, 844)) {
            Page p = wide.newPage();
            p.navigate("/papers/" + paperId + "?group=" + g.id);
            assertThat(p.locator("nav[aria-label=Contents] a")).hasCount(4);
            assertThat(p.locator("h2#sec-1-introduction")).isVisible();
            assertThat(p.locator("h3#sec-1-1-why-margins")).isVisible();
            assertThat(p.locator(".paper-text .caption")).hasText("Figure 1: Notes per passage over a year.");
            assertThat(p.locator("ol.references li.reference")).hasCount(2);
            if (!shots.isEmpty()) {
                p.screenshot(new Page.ScreenshotOptions().setPath(Path.of(shots, "reader-desktop.png")).setFullPage(true));
            }

            highlight(p, "sec-2-results", 2, 9, 1);
            highlight(p, p.locator("li.reference").first().getAttribute("id"), 4, 12, 2);

            // Across blocks: from the abstract into the first heading.
            p.evaluate("() => { const a = document.getElementById('para-0').firstChild;"
                    + " const h = document.getElementById('sec-1-introduction'); const r = document.createRange();"
                    + " r.setStart(a, a.data.length - 10); r.setEnd(h.firstChild, 5);"
                    + " const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); }");
            p.keyboard().press("h");
            assertThat(p.locator("mark[id^=hl-]")).hasCount(3);
            highlight(p, "para-0", 3, ABSTRACT.length(), 4); // to the abstract's end, inside the first block
            JsonPath all = g.member.get("/api/papers/" + paperId + "/annotations?group=" + g.id).jsonPath();
            List<String> quotes = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int start = all.getInt("[" + i + "].selectors[0].start");
                int end = all.getInt("[" + i + "].selectors[0].end");
                String exact = all.getString("[" + i + "].selectors[1].exact");
                assertEquals(text.substring(start, end), exact); // no astral characters here: indexes agree
                quotes.add(exact);
            }
            assertEquals(true, quotes.contains("abstracts.\n\n1 Int"), String.valueOf(quotes));
            assertEquals(true, quotes.contains("Results"), String.valueOf(quotes));
            assertEquals(true, quotes.contains("Marshall"), String.valueOf(quotes));

            Page small = phone.newPage();
            small.navigate("/papers/" + paperId + "?group=" + g.id);
            assertThat(small.locator("nav[aria-label=Contents] summary")).isVisible();
            if (!shots.isEmpty()) {
                small.screenshot(new Page.ScreenshotOptions().setPath(Path.of(shots, "reader-phone.png")).setFullPage(true));
            }
        }
    }

    /** Highlights [start, end) of a block from the keyboard and waits for the page to show the n-th highlight. */
    private static void highlight(Page p, String block, int start, int end, int highlights) {
        select(p, block, start, end);
        p.keyboard().press("h");
        assertThat(p.locator("mark[id^=hl-]")).hasCount(highlights);
    }
}
