package app.marginalia.web.annotation;

import app.marginalia.web.Concurrently;
import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two edits of one note from the same version, sent at the same instant: exactly one is saved,
 * the other answers 409 with the text its writer typed, and never 500. Repeated, because a race
 * that is lost only sometimes must be lost every time for the test to pass.
 */
@QuarkusTest
class ConcurrentEditTest {

    private static final int ROUNDS = 8;

    @Test
    void shouldSaveOneOfTwoConcurrentJsonEditsAndAnswer409WithTheOthersText() {
        Discussion d = new Discussion();
        long id = d.create(d.g.member, d.passage(0, 10, "COMMENTING", "first words"));
        long first = d.g.member.json("GET", "/api/annotations/" + id, null).jsonPath().getLong("version");
        for (int round = 0; round < ROUNDS; round++) {
            long version = d.g.member.json("GET", "/api/annotations/" + id, null).jsonPath().getLong("version");
            String mine = "mine " + round, theirs = "theirs " + round;
            List<Response> answers = Concurrently.all(List.of(edit(d.g.member, id, mine, version),
                    edit(d.g.member, id, theirs, version)));
            List<Integer> statuses = Concurrently.statuses(answers);
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one wins: " + statuses);
            assertEquals(1, statuses.stream().filter(s -> s == 409).count(), "one conflicts: " + statuses);
            Response lost = answers.get(statuses.indexOf(409));
            Response won = answers.get(statuses.indexOf(200));
            String lostText = lost.jsonPath().getString("body");
            assertTrue(lostText.equals(mine) || lostText.equals(theirs), "the 409 keeps the typed text: " + lost.asString());
            assertTrue(lost.jsonPath().getString("message").contains("changed this note"));
            assertEquals(version + 1, lost.jsonPath().getLong("currentVersion"));
            assertEquals(won.jsonPath().getString("body"), lost.jsonPath().getString("currentBody"));
            assertEquals(won.jsonPath().getString("body"),
                    d.g.member.json("GET", "/api/annotations/" + id, null).jsonPath().getString("body"));
        }
        assertEquals(ROUNDS, d.g.member.json("GET", "/api/annotations/" + id, null).jsonPath().getLong("version")
                - first, "exactly one edit saved per round");
    }

    @Test
    void shouldRenderTheFormAgainWith409AndTheTypedTextWhenTwoFormEditsRace() {
        Discussion d = new Discussion();
        long id = d.create(d.g.member, d.passage(0, 10, "COMMENTING", "first words"));
        for (int round = 0; round < ROUNDS; round++) {
            String version = String.valueOf(d.g.member.json("GET", "/api/annotations/" + id, null).jsonPath().getLong("version"));
            Visitor tab1 = d.g.member.copy(), tab2 = d.g.member.copy();
            String mine = "typed in tab one " + round, theirs = "typed in tab two " + round;
            List<Response> answers = Concurrently.all(List.of(
                    () -> tab1.post("/annotations/" + id + "/edit", "body", mine, "tags", "one", "version", version),
                    () -> tab2.post("/annotations/" + id + "/edit", "body", theirs, "tags", "two", "version", version)));
            List<Integer> statuses = Concurrently.statuses(answers);
            assertTrue(statuses.contains(303) && statuses.contains(409), "one saved, one conflicted: " + statuses);
            int lost = statuses.indexOf(409);
            Document page = Jsoup.parse(answers.get(lost).asString());
            String typed = lost == 0 ? mine : theirs, saved = lost == 0 ? theirs : mine;
            assertEquals(typed, page.select("textarea[name=body]").text(), "the typed text is kept");
            assertEquals(lost == 0 ? "one" : "two", page.select("input[name=tags]").val());
            assertEquals(saved, page.select("[data-theirs]").text(), "their version is shown");
            assertEquals(String.valueOf(Long.parseLong(version) + 1), page.select("input[name=version]").val(),
                    "saving again from here is a deliberate overwrite of the current version");
            assertTrue(page.select("[role=alert]").text().contains("changed this note"));
            assertEquals(saved, d.g.member.json("GET", "/api/annotations/" + id, null).jsonPath().getString("body"));
        }
    }

    @Test
    void shouldNeverFailWhenEditsResolvesAndReactionsOfOneNoteRace() {
        Discussion d = new Discussion();
        long id = d.create(d.g.member, d.passage(0, 10, "QUESTIONING", "a question"));
        long reply = d.reply(d.g.owner, id, "an answer");
        long version = d.g.member.json("GET", "/api/annotations/" + id, null).jsonPath().getLong("version");
        List<Response> answers = Concurrently.all(List.of(
                edit(d.g.member, id, "edited question", version),
                () -> d.g.member.json("POST", "/api/annotations/" + id + "/resolve", Map.of("resolved", true)),
                () -> d.g.member.json("POST", "/api/annotations/" + id + "/answer", Map.of("replyId", reply)),
                () -> d.g.owner.json("POST", "/api/annotations/" + id + "/reactions", Map.of("kind", "AGREE", "given", true)),
                () -> d.g.moderator.json("POST", "/api/annotations/" + id + "/resolve", Map.of("resolved", true))));
        List<Integer> statuses = Concurrently.statuses(answers);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), "no 5xx: " + statuses);
        Response note = d.g.member.json("GET", "/api/annotations/" + id, null);
        assertEquals(true, note.jsonPath().getBoolean("resolved"));
        assertEquals(reply, note.jsonPath().getLong("answerId"));
    }

    private static Callable<Response> edit(Visitor who, long id, String body, long version) {
        return () -> who.json("PUT", "/api/annotations/" + id, Map.of("body", body, "tags", List.of(), "version", version));
    }
}
