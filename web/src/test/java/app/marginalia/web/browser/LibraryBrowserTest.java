package app.marginalia.web.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The library and the reader in a real browser: filtering as you type, keyboard, phone width. */
@QuarkusTest
class LibraryBrowserTest extends BrowserTest {

    @Test
    void shouldNarrowTheLibraryAsTheReaderTypes() {
        try (BrowserContext context = browser.newContext(1280, 900)) {
            Page page = context.newPage();
            page.navigate("/papers");
            Locator visible = page.locator(".paper-card:visible");
            Locator filter = page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Filter"));
            assertThat(visible).hasCount(39);

            filter.pressSequentially("shammie");
            assertThat(visible).hasCount(10);
            assertThat(page.locator("#result-count")).hasText("10 of 39 papers match");

            filter.fill("elhage superposition");
            assertThat(visible).hasCount(1);
            assertThat(visible.first()).containsText("Toy Models of Superposition");

            filter.fill("zzz nothing matches");
            assertThat(visible).hasCount(0);
            assertThat(page.locator("#no-match")).isVisible();

            filter.press("Escape");
            assertThat(visible).hasCount(39);
            assertThat(page.locator("#no-match")).isHidden();
        }
    }

    @Test
    void shouldSortFromTheSelectAndOpenAPaperFromTheKeyboard() {
        try (BrowserContext context = browser.newContext(1280, 900)) {
            Page page = context.newPage();
            page.navigate("/papers");
            page.getByLabel("Sort by").selectOption("date");
            page.waitForURL("**/papers?*sort=date*");
            assertThat(page.locator(".paper-card").first()).containsText("Auditing language models for hidden objectives");

            page.locator(".paper-card__title a").first().focus();
            page.keyboard().press("Enter");
            page.waitForURL("**/papers/*");
            assertThat(page.locator("h1")).hasText("Auditing language models for hidden objectives");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/reader-wide.png")));
        }
    }

    @Test
    void shouldKeepTheReaderReadableAtPhoneWidth() {
        try (BrowserContext context = browser.newContext(375, 740)) {
            Page page = context.newPage();
            page.navigate("/papers");
            page.locator(".paper-card__title a", new Page.LocatorOptions().setHasText("Toy Models of Superposition")).click();
            Locator paragraph = page.locator(".paper-text p").first();
            assertThat(paragraph).containsText("Neural networks often pack");
            // Nothing wider than the screen: no sideways scrolling on a phone.
            assertEquals(375, ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue());
            assertThat(page.locator("aside.margin")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/reader-phone.png"))
                    .setFullPage(true));
        }
    }
}
