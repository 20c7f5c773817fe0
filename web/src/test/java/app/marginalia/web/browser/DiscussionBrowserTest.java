package app.marginalia.web.browser;

import app.marginalia.web.annotation.Discussion;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two members discuss a seed paper in real browsers: A selects a sentence and asks a question in
 * Markdown, adds an overlapping highlight and a private note; B sees the highlights, replies, and
 * never sees the private note; A marks B's reply as the answer. Script in a note stays text.
 */
@QuarkusTest
class DiscussionBrowserTest extends BrowserTest {


    @Test
    void shouldLetTwoMembersHoldADiscussionOnASeedPaper() {
        Discussion d = new Discussion();
        String paper = "/papers/" + d.paperId + "?group=" + d.g.id;
        int sentenceEnd = d.text.indexOf('.') + 1;
        List<String> dialogs = new ArrayList<>();
        try (BrowserContext ada = browser.signedIn(d.g.member, 1280, 900);
             BrowserContext ben = browser.signedIn(d.g.owner, 1280, 900)) {
            Page a = ada.newPage();
            a.onDialog(dialog -> { dialogs.add(dialog.message()); dialog.dismiss(); });
            a.navigate(paper);

            // A selects the first sentence and asks a question about it.
            Locator toolbar = a.locator(".selection-toolbar");
            assertThat(toolbar).isHidden();
            select(a, "para-0", 0, sentenceEnd);
            assertThat(toolbar).isVisible();
            toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Question")).click();
            a.locator("#composer").getByLabel("Question").fill("Is **superposition** the whole story? <img src=x onerror=alert(1)>");
            a.locator("#composer").getByLabel("Tags").fill("scope");
            a.locator("#composer").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
            a.waitForURL("**#annotation-*");
            Locator question = a.locator("article.thread--question").first();
            assertThat(question).containsText("Open question");
            assertThat(question.locator(".note__body strong")).hasText("superposition");
            assertThat(question.locator(".note__body")).containsText("<img src=x onerror=alert(1)>");
            assertEquals(0, question.locator(".note__body img").count());
            assertThat(a.locator("mark.hl--questioning").first()).isVisible();

            // An overlapping highlight, from the keyboard: select, then press h.
            select(a, "para-0", sentenceEnd - 20, sentenceEnd + 30);
            a.keyboard().press("h");
            a.waitForLoadState();
            assertThat(a.locator("mark.hl--overlap").first()).isVisible();
            assertTrue(a.locator("mark.hl").count() >= 3, "overlap splits the highlights into segments");

            // A private note, in A's private discussion.
            a.navigate("/papers/" + d.paperId + "?group=0");
            select(a, "para-0", sentenceEnd + 1, sentenceEnd + 25);
            a.keyboard().press("n");
            a.locator("#composer").getByLabel("Note").fill("Private: check the appendix.");
            a.locator("#composer").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
            a.waitForURL("**#annotation-*");
            assertThat(a.locator(".thread")).containsText("Private: check the appendix.");
            assertThat(a.locator(".badge--private")).isVisible();

            // B sees the group's highlights, follows one to its thread, and replies.
            Page b = ben.newPage();
            b.navigate(paper);
            assertThat(b.locator("mark.hl--questioning").first()).isVisible();
            assertThat(b.locator("body")).not().containsText("Private: check the appendix.");
            b.locator("mark.hl--questioning > a").first().click();
            Locator thread = b.locator("article.thread--question").first();
            // The margin shows the thread compact; its controls open in place.
            thread.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reply, react…")).click();
            thread = b.locator("article.thread--question").first();
            assertThat(thread.locator("details.note__reply").first()).hasAttribute("open", "");
            thread.getByLabel("Reply to Member").fill("Mostly: see *section 4*.");
            thread.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reply").setExact(true)).click();
            assertThat(b.locator("article.thread--question").first()).containsText("Mostly: see section 4.");
            b.navigate("/papers/" + d.paperId + "?group=0");
            assertThat(b.locator("body")).not().containsText("Private: check the appendix.");

            // A marks the reply as the answer.
            a.navigate(paper);
            a.locator("article.thread--question").first()
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reply, react…")).click();
            a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as answer")).first().click();
            assertThat(a.locator("article.thread--question").first()).containsText("Answered");
            assertThat(a.locator(".note--answer")).containsText("Mostly: see section 4.");
            a.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/discussion.png")));
            assertEquals(List.of(), dialogs, "no script from a note ran");
        }
    }
}
