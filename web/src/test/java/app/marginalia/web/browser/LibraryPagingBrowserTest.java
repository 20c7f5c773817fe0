package app.marginalia.web.browser;

import app.marginalia.web.TestLibrary;
import app.marginalia.web.paper.ManyPapers;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A library of several pages in a real browser: filtering the whole library as you type, the pager by keyboard, phone width. */
@QuarkusTest
class LibraryPagingBrowserTest extends BrowserTest {

    @AfterEach
    void removeAddedPapers() {
        TestLibrary.removeAddedPapers();
    }

    @Test
    void shouldFilterTheWholeLibraryAsYouTypeAndPageByKeyboard() {
        ManyPapers.add("Potoroo", 120);
        try (BrowserContext context = browser.newContext(1280, 900)) {
            Page page = context.newPage();
            page.navigate("/papers");
            Locator cards = page.locator(".paper-card:visible");
            assertThat(cards).hasCount(50);
            Locator filter = page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Filter"));

            // The last match by title is on the third page of matches: typing finds it from the first.
            filter.pressSequentially("potoroo 0120");
            assertThat(cards).hasCount(1);
            assertThat(cards.first()).containsText("Potoroo 0120");

            filter.fill("potoroo");
            assertThat(page.locator("#result-count")).containsText("page 1 of 3");
            page.waitForURL("**/papers?*q=potoroo*");

            Locator next = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next ›"));
            next.focus();
            page.keyboard().press("Enter");
            page.waitForURL("**page=2*");
            assertThat(page.locator(".pager__where")).hasText("Page 2 of 3");
            assertThat(cards.first()).containsText("Potoroo 0051");
        }
    }

    @Test
    void shouldFitThePagerOnAPhone() {
        ManyPapers.add("Bettong", 80);
        try (BrowserContext context = browser.newContext(375, 740)) {
            Page page = context.newPage();
            page.navigate("/papers?q=bettong&page=2");
            assertThat(page.locator(".pager__where")).hasText("Page 2 of 2");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("‹ Previous"))).isVisible();
            assertEquals(375, ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue());
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/library-pager-phone.png"))
                    .setFullPage(true));
        }
    }
}
