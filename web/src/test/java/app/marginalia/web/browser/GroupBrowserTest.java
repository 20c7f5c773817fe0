package app.marginalia.web.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two people go from nothing to a shared group with a scheduled paper, entirely in the browser:
 * one registers, creates a group, schedules a paper and copies an invitation link; the other,
 * in a separate browser context, registers through the link and joins.
 */
@QuarkusTest
class GroupBrowserTest extends BrowserTest {

    private static void register(Page page, String name, String username) {
        page.getByLabel("Your name").fill(name);
        page.getByLabel("Username").fill(username);
        page.getByLabel("Email").fill(username + "@example.org");
        page.getByLabel("Password").fill("reading together");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
    }

    @Test
    void shouldTakeTwoPeopleFromNothingToASharedGroupWithAScheduledPaper() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        try (BrowserContext ada = browser.newContext(1280, 900); BrowserContext ben = browser.newContext(390, 844)) {
            Page a = ada.newPage();
            a.navigate("/papers");
            a.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create account")).click();
            register(a, "Ada Lovelace", "ada" + suffix);
            assertThat(a.locator(".flash-bar")).containsText("Welcome to Marginalia, Ada Lovelace.");

            a.navigate("/groups/new");
            a.getByLabel("Name").fill("Thursday journal club " + suffix);
            a.getByLabel("Description").fill("Interpretability papers, one a fortnight.");
            a.getByLabel("Time zone for meetings").fill("Europe/Berlin");
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create group")).click();
            assertThat(a.locator("h1")).hasText("Thursday journal club " + suffix);

            a.getByLabel("From the library").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Toy Models of Superposition"));
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose")).click();
            Locator entry = a.locator(".entry", new Page.LocatorOptions().setHasText("Toy Models of Superposition"));
            entry.getByLabel("Meeting for Toy Models of Superposition").fill("2099-03-05T18:30");
            entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Schedule")).click();
            assertThat(a.locator(".meeting")).containsText("Thu 5 Mar 2099, 18:30");
            assertThat(a.locator(".meeting")).containsText("Toy Models of Superposition");

            a.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invite and manage members")).click();
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create invitation link")).click();
            Locator link = a.getByLabel("Invitation link", new Page.GetByLabelOptions().setExact(true));
            assertThat(link).isVisible();
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy link").setExact(true)).click();
            assertThat(a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copied"))).isVisible();
            String invitation = link.inputValue();
            assertTrue(invitation.contains("/invite/"), invitation);
            a.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/members.png")).setFullPage(true));

            Page b = ben.newPage();
            b.navigate(invitation);
            assertThat(b.locator("h1")).hasText("Thursday journal club " + suffix);
            b.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create account").setExact(true)).last().click();
            register(b, "Ben Franklin", "ben" + suffix);
            b.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join Thursday journal club " + suffix)).click();
            assertThat(b.locator(".flash-bar")).containsText("Welcome to the group.");
            assertThat(b.locator(".meeting")).containsText("Thu 5 Mar 2099, 18:30");
            assertThat(b.locator("#status-SCHEDULED")).containsText("Scheduled");
            assertThat(b.locator(".entry")).containsText("Toy Models of Superposition");
            assertThat(b.locator(".people")).containsText("Ada Lovelace");
            b.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/group-phone.png")).setFullPage(true));

            a.reload();
            a.navigate(a.url().replaceAll("/members.*", ""));
            assertThat(a.locator(".people")).containsText("Ben Franklin");
            assertThat(a.locator(".activity")).containsText("Ben Franklin joined through an invitation link");
            a.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/group.png")).setFullPage(true));
        }
    }
}
