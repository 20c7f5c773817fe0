package app.marginalia.web.browser;

import app.marginalia.web.annotation.Discussion;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Searching from the header: a member types words into the box on any page, gets papers and
 * their group's notes with the words marked, narrows to open questions with the form, and
 * opens a note; someone else's private note with the same words never shows.
 */
@QuarkusTest
class SearchBrowserTest extends BrowserTest {

    @Test
    void shouldFindPapersAndTheGroupsNotesFromTheHeader() {
        Discussion d = new Discussion();
        long question = d.create(d.g.member, d.passage(0, 12, "QUESTIONING", "Does reward tampering generalise beyond the curriculum?"));
        d.create(d.g.member, d.passage(20, 30, "COMMENTING", "Reward tampering shows up again in section 5."));
        Map<String, Object> priv = d.passage(40, 50, "COMMENTING", "Private: reward tampering doubts");
        priv.remove("groupId");
        d.create(d.g.owner, priv);
        try (BrowserContext member = browser.signedIn(d.g.member, 1280, 900);
             BrowserContext phone = browser.signedIn(d.g.member, 390, 844)) {
            Page page = member.newPage();
            page.navigate("/groups/" + d.g.id);
            page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search papers and notes")).fill("reward tampering");
            page.keyboard().press("Enter");
            page.waitForURL("**/search?q=reward+tampering");
            assertThat(page.locator("#papers-title")).containsText("Papers");
            assertThat(page.locator(".result__title mark").first()).hasText("Reward");
            assertThat(page.locator("#notes-title")).containsText("Notes and highlights");
            assertThat(page.locator(".search-results")).containsText("generalise beyond the curriculum");
            assertThat(page.locator(".search-results")).not().containsText("Private: reward tampering doubts");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/search.png")).setFullPage(true));

            // The form narrows to open questions, then the result opens the thread.
            page.getByLabel("Notes", new Page.GetByLabelOptions().setExact(true)).selectOption("question");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
            assertThat(page.locator(".result-list").last().locator(".result")).hasCount(1);
            page.locator(".result-list").last().locator("a").first().click();
            page.waitForURL("**#annotation-" + question);
            assertThat(page.locator("#annotation-" + question)).containsText("generalise beyond the curriculum");

            Page small = phone.newPage();
            small.navigate("/search?q=" + "reward+tampering");
            small.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/search-phone.png")));
        }
    }
}
