package app.marginalia.web.browser;

import app.marginalia.web.annotation.Discussion;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole meeting cycle in the browser: the owner schedules a paper; a member is told, reads
 * and asks a question; the owner sees what is new, prints the agenda, records the conclusion
 * after the meeting, finds it pinned on the paper, and downloads the minutes.
 */
@QuarkusTest
class MeetingCycleBrowserTest extends BrowserTest {

    @Test
    void shouldRunAMeetingCycleFromSchedulingToMinutes() throws IOException {
        Discussion d = new Discussion();
        String group = "/groups/" + d.g.id;
        try (BrowserContext owner = browser.signedIn(d.g.owner, 1280, 900);
             BrowserContext member = browser.signedIn(d.g.member, 390, 844)) {
            // Schedule: the owner picks the meeting's date and time on the group page.
            Page o = owner.newPage();
            o.navigate(group);
            Locator entry = o.locator("li.entry", new Page.LocatorOptions().setHas(o.locator("a[href^='/papers/" + d.paperId + "?']")));
            entry.locator("input[type=datetime-local]").fill("2031-05-08T17:30");
            entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Schedule")).click();
            assertThat(o.locator(".flash-bar")).containsText("Meeting scheduled.");
            assertThat(o.locator("#status-SCHEDULED")).containsText("Scheduled");

            // Read and annotate: the member sees the notification, opens the paper from the group, asks a question.
            Page m = member.newPage();
            m.navigate(group);
            assertThat(m.locator("[data-unread-number]")).hasText("1");
            m.locator("a[href='/papers/" + d.paperId + "?group=" + d.g.id + "']").first().click();
            m.waitForURL("**/papers/" + d.paperId + "?group=" + d.g.id);
            assertThat(m.locator("#para-0")).isVisible();
            int end = d.text.indexOf(' ', 40);
            select(m, "para-0", 0, end);
            m.keyboard().press("q");
            m.locator("#composer").getByLabel("Question").fill("Which baseline do they compare against?");
            m.locator("#composer").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
            m.waitForURL("**#annotation-*");

            // See what is new: the owner's group page marks the paper, the reader marks the thread.
            o.navigate(group);
            assertThat(entry.locator(".badge--new")).hasText("1 new");
            assertThat(entry.locator(".stats")).containsText("1 open question");

            // Print the agenda.
            entry.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Agenda")).click();
            assertThat(o.locator("h1")).containsText("Agenda:");
            assertThat(o.locator(".agenda-list").first()).containsText("Which baseline do they compare against?");
            o.evaluate("() => { window.print = () => { window.printed = true; }; }");
            o.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Print")).click();
            assertEquals(true, o.evaluate("() => window.printed === true"));
            o.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/agenda.png")).setFullPage(true));

            // Record the conclusion after the meeting: the paper moves to discussed, the conclusion is pinned.
            o.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Conclusion")).fill("Convincing for **small models**; revisit the ablations.");
            o.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and mark discussed")).click();
            assertThat(o.locator(".flash-bar")).containsText("Conclusion recorded");
            m.navigate("/papers/" + d.paperId + "?group=" + d.g.id);
            assertThat(m.locator(".conclusion--pinned")).containsText("Convincing for small models");
            assertThat(m.locator(".group-panel")).containsText("Discussed");

            // Download the minutes.
            Download download = o.waitForDownload(() -> o.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Download minutes (Markdown)")).click());
            String minutes = Files.readString(download.path());
            assertTrue(download.suggestedFilename().endsWith(".md"), download.suggestedFilename());
            assertTrue(minutes.contains("## Conclusion\n\nConvincing for **small models**; revisit the ablations."), minutes);
            assertTrue(minutes.contains("Which baseline do they compare against?"));
            assertTrue(minutes.contains("- Status: Discussed"));
        }
    }
}
