package app.marginalia.web.browser;

import app.marginalia.web.annotation.Discussion;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An administrator replaces a seed paper's abstract with a longer text in the browser: notes stay on
 * their passages, the note whose passage was cut is listed as detached, and a member re-attaches it.
 */
@QuarkusTest
class ReanchorBrowserTest extends BrowserTest {

    private static final String TITLE = "Language Models are Few-Shot Learners";

    @Test
    void shouldKeepNotesOnTheirPassagesThroughAnEditAndReattachADetachedOne() {
        Discussion d = new Discussion(TITLE);
        String first = d.text.substring(0, d.text.indexOf('.') + 1);
        int lastStart = d.text.lastIndexOf(". ") + 2;
        String last = d.text.substring(lastStart);
        d.create(d.g.member, d.passage(0, first.length(), "COMMENTING", "On the opening claim."));
        d.create(d.g.member, d.passage(lastStart, d.text.length(), "COMMENTING", "On the closing sentence."));

        try (BrowserContext admin = browser.signedIn(d.g.admin, 1280, 900);
             BrowserContext member = browser.signedIn(d.g.member, 1280, 900)) {
            // A group reads the paper, so only an administrator edits it directly.
            Page m = admin.newPage();
            m.navigate("/papers/" + d.paperId);
            m.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit paper")).click();
            // The new text replaces the abstract (a text of its own, not the abstract with a body after it).
            m.getByLabel("Abstract", new Page.GetByLabelOptions().setExact(true)).fill("");
            m.getByLabel("Full text").fill("Introduction\n\nA longer version of the paper.\n\n"
                    + d.text.substring(0, lastStart).strip() + "\n\nDiscussion\n\nThe closing sentence moved elsewhere.");
            m.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(m.locator(".flash-bar")).containsText("1 detached");

            Page a = member.newPage();
            a.navigate("/papers/" + d.paperId + "?group=" + d.g.id);
            Locator opening = a.locator("mark.hl").first();
            assertThat(opening).containsText(first.substring(0, 20));
            assertThat(a.locator(".detached")).containsText("On the closing sentence.");
            assertThat(a.locator(".detached .thread__quote")).containsText(last.substring(0, 20));

            // Select the new closing paragraph and re-attach the note to it.
            a.evaluate("() => { const p = [...document.querySelectorAll('.paper-text p')].pop();"
                    + "const r = document.createRange(); r.selectNodeContents(p);"
                    + "const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); }");
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Re-attach to the selected passage")).click();
            a.waitForLoadState();
            assertThat(a.locator(".detached")).hasCount(0);
            assertThat(a.locator(".paper-text p").last().locator("mark.hl")).containsText("The closing sentence moved");
            a.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/reanchored.png")));
        }
        d.g.member.json("GET", "/api/papers/" + d.paperId + "/annotations?group=" + d.g.id, null).then().statusCode(200);
    }
}
