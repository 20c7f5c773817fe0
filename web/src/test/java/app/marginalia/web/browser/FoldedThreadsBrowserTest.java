package app.marginalia.web.browser;

import app.marginalia.web.annotation.Discussion;
import app.marginalia.web.annotation.ReaderMarkup;
import app.marginalia.web.annotation.SeededNotes;
import app.marginalia.web.system.PageVersion;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import app.marginalia.web.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A paper with more threads than the margin writes out whole: the folded ones unfold as the
 * member scrolls to them, a permalink to one unfolds it, and its controls open in place.
 */
@QuarkusTest
class FoldedThreadsBrowserTest extends BrowserTest {

    @Inject
    PageVersion pageVersion;

    /** The long papers these tests add leave the shared library as they found it. */
    @AfterEach
    void removeAddedPapers() {
        TestLibrary.removeAddedPapers();
    }

    @Test
    void shouldUnfoldThreadsAsTheyComeIntoViewAndWhenAPermalinkNamesThem() {
        Discussion d = Discussion.ofLongPaper();
        int threads = ReaderMarkup.WHOLE_THREADS + 40;
        SeededNotes.seed(d, threads, 0, 20, i -> "Seeded note number " + i + ".");
        pageVersion.advance(); // written straight to the database: a change, as a command makes
        String paper = "/papers/" + d.paperId + "?group=" + d.g.id;
        long lastId = Long.parseLong(d.g.member.html(paper).select("#thread-list > li[data-thread]").last()
                .attr("data-thread"));
        try (BrowserContext member = browser.signedIn(d.g.member, 1280, 900)) {
            Page page = member.newPage();
            page.navigate(paper + "#annotation-" + lastId);
            // The permalink's thread is folded in the page as served; it unfolds and shows its note.
            Locator last = page.locator("#annotation-" + lastId);
            assertThat(last).not().hasClass(java.util.regex.Pattern.compile("thread--folded"));
            assertThat(last.locator(".note__body")).containsText("Seeded note number " + (threads - 1) + ".");

            // Scrolling through the margin unfolds the threads that come near the view.
            Locator firstFolded = page.locator("#thread-list > li").nth(ReaderMarkup.WHOLE_THREADS);
            firstFolded.scrollIntoViewIfNeeded();
            assertThat(firstFolded.locator(".note__body")).containsText("Seeded note number " + ReaderMarkup.WHOLE_THREADS + ".");

            // Its controls open in place.
            firstFolded.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reply, react…")).click();
            Locator reply = page.locator("#thread-list > li").nth(ReaderMarkup.WHOLE_THREADS)
                    .locator("details.note__reply[open] textarea").first();
            assertThat(reply).isFocused();
            assertEquals(threads, page.locator("#thread-list > li").count());
        }
    }
}
