package app.marginalia.web.annotation;

import app.marginalia.web.Concurrently;
import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A double-clicked Save, a retried request, a reaction clicked again before the page reloads:
 * each arrives several times at once and must be done once, every answer the same as the first.
 */
@QuarkusTest
class DoubleSubmitTest {

    private static final int REPEATS = 8;

    @Test
    void shouldSaveOneNoteWhenTheReadersFormIsSubmittedManyTimesAtOnce() {
        Discussion d = new Discussion();
        Document reader = Jsoup.parse(d.page(d.g.member));
        String key = reader.select("details.page-note form input[name=requestKey]").val();
        assertTrue(key.length() >= 8, "the form carries a request key");
        assertTrue(!key.equals(reader.select("form[data-composer] input[name=requestKey]").val()), "one key per form");
        List<Response> answers = Concurrently.times(REPEATS, form(d.g.member, "/papers/" + d.paperId + "/annotations",
                "groupId", d.g.id, "motivation", "COMMENTING", "body", "Said once, clicked twice", "requestKey", key));
        assertTrue(answers.stream().allMatch(r -> r.statusCode() == 303), Concurrently.statuses(answers).toString());
        assertEquals(1, answers.stream().map(r -> r.header("Location")).distinct().count(), "all go to the same note");
        assertEquals(1, count(d, "Said once, clicked twice"));
    }

    @Test
    void shouldSaveOneNoteWhenTheScriptRetriesWithTheSameIdempotencyKey() {
        Discussion d = new Discussion();
        String key = UUID.randomUUID().toString();
        Map<String, Object> note = d.passage(5, 25, "COMMENTING", "Posted by a shaky connection");
        List<Response> answers = Concurrently.times(REPEATS, () -> d.g.member.request().header("Origin", Visitor.origin())
                .header("X-CSRF-Token", d.g.member.csrf()).header("Idempotency-Key", key).accept("application/json")
                .contentType("application/json").body(note).post("/api/papers/" + d.paperId + "/annotations"));
        assertTrue(answers.stream().allMatch(r -> r.statusCode() == 201), Concurrently.statuses(answers).toString());
        assertEquals(1, answers.stream().map(r -> r.jsonPath().getLong("id")).distinct().count(), "the first note, each time");
        assertEquals(1, count(d, "Posted by a shaky connection"));
        // Another note with another key is another note; a key reused for different text is refused.
        d.create(d.g.member, d.passage(5, 25, "COMMENTING", "Posted by a shaky connection"));
        assertEquals(2, count(d, "Posted by a shaky connection"));
        Map<String, Object> other = d.passage(5, 25, "COMMENTING", "Something else entirely");
        d.g.member.request().header("Origin", Visitor.origin()).header("X-CSRF-Token", d.g.member.csrf())
                .header("Idempotency-Key", key).accept("application/json").contentType("application/json").body(other)
                .post("/api/papers/" + d.paperId + "/annotations").then().statusCode(422);
        d.g.member.request().header("Origin", Visitor.origin()).header("X-CSRF-Token", d.g.member.csrf())
                .header("Idempotency-Key", "not a key!").accept("application/json").contentType("application/json")
                .body(other).post("/api/papers/" + d.paperId + "/annotations").then().statusCode(400);
    }

    @Test
    void shouldSaveOneReplyWhenTheReplyFormIsDoubleSubmitted() {
        Discussion d = new Discussion();
        long root = d.create(d.g.owner, d.passage(0, 10, "COMMENTING", "Root note"));
        // The reader's margin links to the thread's own page, where its forms are.
        Document thread = Jsoup.parse(d.g.member.get("/annotations/" + root + "/actions").then().statusCode(200)
                .extract().asString());
        String key = thread.select("form[action=/annotations/" + root + "/replies] input[name=requestKey]").val();
        assertTrue(key.length() >= 8, "the reply form carries a request key");
        List<Response> answers = Concurrently.times(REPEATS, form(d.g.member, "/annotations/" + root + "/replies",
                "body", "A reply sent twice", "requestKey", key));
        assertTrue(answers.stream().allMatch(r -> r.statusCode() == 303), Concurrently.statuses(answers).toString());
        assertEquals(1, answers.stream().map(r -> r.header("Location")).distinct().count());
        assertEquals(1, count(d, "A reply sent twice"));
    }

    @Test
    void shouldGiveOneReactionWhenItIsSubmittedManyTimesAtOnce() {
        Discussion d = new Discussion();
        long note = d.create(d.g.owner, d.passage(0, 10, "COMMENTING", "React to me"));
        Document thread = Jsoup.parse(d.g.member.get("/annotations/" + note + "/actions").then().statusCode(200)
                .extract().asString());
        assertEquals("true", thread.select("form[action=/annotations/" + note + "/react]:has(input[value=AGREE]) "
                + "input[name=given]").val(), "the button says what it does: give");
        List<Response> forms = Concurrently.times(REPEATS, form(d.g.member, "/annotations/" + note + "/react",
                "kind", "AGREE", "given", "true"));
        assertTrue(forms.stream().allMatch(r -> r.statusCode() == 303), Concurrently.statuses(forms).toString());
        assertEquals(1, agrees(d, note));
        List<Response> json = Concurrently.times(REPEATS, () -> d.g.moderator.json("POST",
                "/api/annotations/" + note + "/reactions", Map.of("kind", "AGREE", "given", true)));
        assertTrue(json.stream().allMatch(r -> r.statusCode() == 200 && r.jsonPath().getBoolean("given")),
                Concurrently.statuses(json).toString());
        assertEquals(2, agrees(d, note));
        // Without the wanted state a reaction toggles; racing toggles are taken one after the other.
        List<Response> toggles = Concurrently.times(REPEATS, () -> d.g.owner.json("POST",
                "/api/annotations/" + note + "/reactions", Map.of("kind", "AGREE")));
        assertTrue(toggles.stream().allMatch(r -> r.statusCode() == 200), Concurrently.statuses(toggles).toString());
        assertEquals(REPEATS / 2, toggles.stream().filter(r -> r.jsonPath().getBoolean("given")).count());
        assertEquals(2, agrees(d, note), "an even number of toggles leaves the owner's reaction where it was");
    }

    private static java.util.concurrent.Callable<Response> form(Visitor who, String path, String... fields) {
        Visitor browser = who.copy();
        return () -> browser.copy().post(path, fields);
    }

    private static long count(Discussion d, String body) {
        return d.g.member.json("GET", "/api/papers/" + d.paperId + "/annotations?group=" + d.g.id, null).jsonPath()
                .getList("body", String.class).stream().filter(body::equals).count();
    }

    private static int agrees(Discussion d, long note) {
        Document thread = Jsoup.parse(d.g.owner.get("/annotations/" + note + "/actions").then().statusCode(200)
                .extract().asString());
        Element agree = thread.selectFirst("form[action=/annotations/" + note + "/react]:has(input[value=AGREE]) button");
        assertNotNull(agree, "no Agree button on note " + note);
        // The count is the button's own text, after the symbol and the label (each in a span); none at zero.
        String count = agree.ownText().strip();
        return count.isEmpty() ? 0 : Integer.parseInt(count);
    }
}
