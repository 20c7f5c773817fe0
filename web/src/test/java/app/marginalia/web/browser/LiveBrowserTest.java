package app.marginalia.web.browser;

import app.marginalia.web.annotation.Discussion;
import app.marginalia.web.group.GroupFixture;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two members in two real browser contexts on the same paper: what B writes appears in A's
 * open page, in both of A's tabs, within two seconds and without a reload, marked new; a
 * reply to A's note raises A's unread count in the header.
 */
@QuarkusTest
class LiveBrowserTest extends BrowserTest {

    private static final LocatorAssertions.ContainsTextOptions TWO_SECONDS =
            new LocatorAssertions.ContainsTextOptions().setTimeout(2000);

    private static String json(java.util.Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldShowAnotherMembersNewNoteInAnOpenPageWithoutReloading() {
        Discussion d = new Discussion();
        String paper = "/papers/" + d.paperId + "?group=" + d.g.id;
        long mine = d.create(d.g.member, d.passage(0, 12, "COMMENTING", "A's own note"));
        try (BrowserContext ada = browser.signedIn(d.g.member, 1280, 900);
             BrowserContext ben = browser.signedIn(d.g.owner, 1280, 900)) {
            Page a = ada.newPage();
            a.navigate(paper);
            Page secondTab = ada.newPage();
            secondTab.navigate(paper);
            // Wait until A's stream is open (the leader tab says hello), and mark the pages to detect reloads.
            a.waitForFunction("() => document.querySelector('[data-live-status]').hidden");
            a.evaluate("() => { window.stayedOpen = 'yes'; }");
            secondTab.evaluate("() => { window.stayedOpen = 'yes'; }");
            a.waitForTimeout(300);

            // B writes a note on a passage from B's own browser, through the JSON API the reader uses.
            Page b = ben.newPage();
            b.navigate(paper);
            Object id = b.evaluate("async ([paper, body]) => {"
                    + "const csrf = document.querySelector('meta[name=csrf-token]').content;"
                    + "const r = await fetch('/api/papers/' + paper + '/annotations', {method: 'POST', headers: {"
                    + "'Content-Type': 'application/json', 'X-CSRF-Token': csrf}, body: body});"
                    + "return (await r.json()).id; }", java.util.List.of(d.paperId, json(d.passage(40, 70, "QUESTIONING",
                    "Live from B: is this **robust**?"))));

            assertThat(a.locator("#thread-list")).containsText("Live from B: is this robust?", TWO_SECONDS);
            assertThat(a.locator("#annotation-" + id)).containsText("New", TWO_SECONDS);
            assertThat(a.locator("mark.hl--live").first()).isVisible();
            assertThat(secondTab.locator("#thread-list")).containsText("Live from B", TWO_SECONDS);
            assertEquals("yes", a.evaluate("() => window.stayedOpen"), "no reload");
            assertEquals("yes", secondTab.evaluate("() => window.stayedOpen"), "no reload in the second tab");

            // B replies to A's note: the reply appears in the thread and A's unread count rises.
            d.reply(d.g.owner, mine, "B answers A, live.");
            assertThat(a.locator("#annotation-" + mine)).containsText("B answers A, live.", TWO_SECONDS);
            assertThat(a.locator("[data-unread-number]")).containsText("1", TWO_SECONDS);
            assertThat(a.locator("[data-unread-count]")).isVisible();
            assertEquals("yes", a.evaluate("() => window.stayedOpen"));
            a.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/live-update.png")));

            // A joins another group: the server ends A's stream so it reopens with the new memberships;
            // the page reconnects by itself and keeps receiving.
            String other = d.g.owner.post("/groups", "name", "Second club " + System.nanoTime() % 10000, "description", "",
                    "timeZone", "UTC").then().statusCode(303).extract().header("Location").replaceAll(".*/groups/(\\d+).*", "$1");
            String token = GroupFixture.newInvitation(d.g.owner.postAndFollow("/groups/" + other + "/invitations", "days", "7"));
            d.g.member.post("/invite/" + token).then().statusCode(303);
            a.waitForTimeout(500);
            long after = d.create(d.g.owner, d.passage(100, 120, "COMMENTING", "After the reconnect"));
            assertThat(a.locator("#annotation-" + after)).containsText("After the reconnect", TWO_SECONDS);
            assertEquals("yes", a.evaluate("() => window.stayedOpen"));
        }
    }
}
