package app.marginalia.web.annotation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AnnotationApiTest {

    @Test
    void shouldCreateAW3cShapedNoteOnAPassage() {
        Discussion d = new Discussion();
        Map<String, Object> request = d.passage(10, 40, "COMMENTING", "**Key** point, see [paper](https://arxiv.org/abs/1)");
        request.put("tags", List.of("method", "#Key"));
        long id = d.create(d.g.member, request);
        JsonPath json = d.g.member.json("GET", "/api/annotations/" + id, null).then().statusCode(200).extract().jsonPath();
        assertEquals("COMMENTING", json.getString("motivation"));
        assertEquals("TextPositionSelector", json.getString("selectors[0].type"));
        assertEquals(10, json.getInt("selectors[0].start"));
        assertEquals(40, json.getInt("selectors[0].end"));
        assertEquals("TextQuoteSelector", json.getString("selectors[1].type"));
        assertEquals(d.text.substring(10, 40), json.getString("selectors[1].exact"));
        assertEquals(List.of("method", "key"), json.getList("tags"));
        assertTrue(json.getString("bodyHtml").contains("<strong>Key</strong>"));
        assertTrue(json.getString("bodyHtml").contains("rel=\"nofollow noopener noreferrer\""));
        assertEquals("/annotations/" + id, json.getString("permalink"));
    }

    @Test
    void shouldRefuseAQuoteThatIsNotTheTextAtItsOffsetsWith422() {
        Discussion d = new Discussion();
        Map<String, Object> request = d.passage(10, 40, "COMMENTING", "note");
        request.put("exact", "something else entirely that is not there");
        d.g.member.json("POST", "/api/papers/" + d.paperId + "/annotations", request).then().statusCode(422)
                .body("message", containsString("not the text at that position"));
        Map<String, Object> outside = d.passage(10, 40, "COMMENTING", "note");
        outside.put("end", 1_000_000);
        d.g.member.json("POST", "/api/papers/" + d.paperId + "/annotations", outside).then().statusCode(422)
                .body("message", containsString("not inside the text"));
    }

    @Test
    void shouldNameEachLimitThatARequestBreaks() {
        Discussion d = new Discussion();
        String path = "/api/papers/" + d.paperId + "/annotations";
        d.g.member.json("POST", path, d.passage(0, 10, "COMMENTING", "x".repeat(10_001))).then().statusCode(400)
                .body("message", containsString("at most 10000 characters"));
        Map<String, Object> manyTags = d.passage(0, 10, "COMMENTING", "ok");
        manyTags.put("tags", IntStream.range(0, 21).mapToObj(i -> "tag" + i).toList());
        d.g.member.json("POST", path, manyTags).then().statusCode(400).body("message", containsString("at most 20 tags"));
        Map<String, Object> longTag = d.passage(0, 10, "COMMENTING", "ok");
        longTag.put("tags", List.of("t".repeat(51)));
        d.g.member.json("POST", path, longTag).then().statusCode(400).body("message", containsString("at most 50 characters"));
        Map<String, Object> longQuote = d.passage(0, 10, "COMMENTING", "ok");
        longQuote.put("end", 5_011);
        longQuote.put("exact", "x".repeat(5_011));
        d.g.member.json("POST", path, longQuote).then().statusCode(422);
        d.g.member.json("POST", path, Map.of("groupId", d.g.id, "motivation", "COMMENTING", "body", " "))
                .then().statusCode(400).body("message", containsString("Write something first."));
        d.g.member.json("POST", path, Map.of("motivation", "SHOUTING", "body", "x")).then().statusCode(400)
                .body("message", containsString("Unknown motivation"));
        d.g.member.request().header("Origin", app.marginalia.web.Visitor.origin()).header("X-CSRF-Token", d.g.member.csrf())
                .contentType("application/json").body("{not json").post(path).then().statusCode(400)
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldKeepANoteOnTheWholePaperWithoutSelectors() {
        Discussion d = new Discussion();
        long id = d.create(d.g.member, Map.of("groupId", Long.valueOf(d.g.id), "motivation", "QUESTIONING",
                "body", "Does this hold for larger models?"));
        d.g.owner.json("GET", "/api/annotations/" + id, null).then().statusCode(200)
                .body("selectors.size()", equalTo(0)).body("motivation", equalTo("QUESTIONING"));
        assertTrue(d.page(d.g.owner).contains("On the whole paper"));
    }

    @Test
    void shouldThreadRepliesWithTheirRootAndAncestorPath() {
        Discussion d = new Discussion();
        long root = d.create(d.g.owner, d.passage(0, 20, "QUESTIONING", "Why?"));
        long first = d.reply(d.g.member, root, "Because of superposition.");
        long second = d.reply(d.g.moderator, first, "Agreed, see section 3.");
        JsonPath json = d.g.owner.json("GET", "/api/annotations/" + second, null).jsonPath();
        assertEquals(root, json.getLong("rootId"));
        assertEquals(first, json.getLong("parentId"));
        assertEquals(List.of((int) root, (int) first), json.getList("references"));
        String page = d.page(d.g.owner);
        assertTrue(page.contains("Because of superposition.") && page.contains("note--depth-2"), page);
    }

    @Test
    void shouldCountReactionsOncePerPersonPerKind() {
        Discussion d = new Discussion();
        long id = d.create(d.g.owner, d.passage(0, 20, "COMMENTING", "A claim."));
        d.g.member.json("POST", "/api/annotations/" + id + "/reactions", Map.of("kind", "AGREE")).then().statusCode(200)
                .body("given", equalTo(true));
        d.g.moderator.json("POST", "/api/annotations/" + id + "/reactions", Map.of("kind", "agree")).then().statusCode(200);
        d.g.member.json("POST", "/api/annotations/" + id + "/reactions", Map.of("kind", "INSIGHTFUL")).then().statusCode(200);
        assertEquals("2", agrees(d, id));
        d.g.member.json("POST", "/api/annotations/" + id + "/reactions", Map.of("kind", "AGREE")).then()
                .body("given", equalTo(false));
        assertEquals("1", agrees(d, id));
        d.g.member.json("POST", "/api/annotations/" + id + "/reactions", Map.of("kind", "LOVE")).then().statusCode(400);
    }

    @Test
    void shouldLetTheAskerOrAModeratorMarkAQuestionAnsweredAndReopenIt() {
        Discussion d = new Discussion();
        long question = d.create(d.g.member, d.passage(0, 20, "QUESTIONING", "What is a feature?"));
        long answer = d.reply(d.g.owner, question, "A direction in activation space.");
        d.g.outsider.json("POST", "/api/annotations/" + question + "/answer", Map.of("replyId", answer)).then().statusCode(404);
        Discussion other = new Discussion();
        long foreign = other.create(other.g.owner, other.passage(0, 5, "COMMENTING", "elsewhere"));
        d.g.member.json("POST", "/api/annotations/" + question + "/answer", Map.of("replyId", foreign)).then().statusCode(422);
        d.g.member.json("POST", "/api/annotations/" + question + "/answer", Map.of("replyId", answer)).then()
                .statusCode(200).body("answerId", equalTo((int) answer));
        String page = d.page(d.g.owner);
        assertTrue(page.contains("<span class=\"badge badge--ok\">Answered</span>") && page.contains("note--answer"), page);
        d.g.member.json("POST", "/api/annotations/" + question + "/answer", Map.of()).then().statusCode(200)
                .body("answerId", equalTo(null));
        long comment = d.create(d.g.member, d.passage(0, 20, "COMMENTING", "Not a question."));
        long replyToComment = d.reply(d.g.owner, comment, "ok");
        d.g.member.json("POST", "/api/annotations/" + comment + "/answer", Map.of("replyId", replyToComment))
                .then().statusCode(422).body("message", containsString("Only a question"));
    }

    @Test
    void shouldLetTheAuthorOrAModeratorResolveAndReopenAThread() {
        Discussion d = new Discussion();
        long id = d.create(d.g.owner, d.passage(0, 20, "COMMENTING", "Settled?"));
        d.g.member.json("POST", "/api/annotations/" + id + "/resolve", Map.of("resolved", true)).then().statusCode(403);
        d.g.moderator.json("POST", "/api/annotations/" + id + "/resolve", Map.of("resolved", true)).then()
                .statusCode(200).body("resolved", equalTo(true));
        assertTrue(d.page(d.g.member).contains("thread--resolved"));
        d.g.owner.json("POST", "/api/annotations/" + id + "/resolve", Map.of("resolved", false)).then()
                .body("resolved", equalTo(false));
    }

    @Test
    void shouldKeepEditHistoryAndRefuseAStaleEditWith409() {
        Discussion d = new Discussion();
        long id = d.create(d.g.member, d.passage(0, 20, "COMMENTING", "First thought."));
        d.g.owner.json("PUT", "/api/annotations/" + id, Map.of("body", "Hijack", "version", 0)).then().statusCode(403);
        d.g.member.json("PUT", "/api/annotations/" + id, Map.of("body", "Second thought.", "version", 0)).then()
                .statusCode(200).body("edited", equalTo(true)).body("version", equalTo(1));
        d.g.member.json("PUT", "/api/annotations/" + id, Map.of("body", "A stale edit.", "version", 0)).then()
                .statusCode(409).body("message", containsString("Someone changed this note"));
        d.g.member.get("/annotations/" + id + "/history").then().statusCode(200).body(containsString("First thought."));
        assertTrue(d.page(d.g.owner).contains(">edited</a>"));
        d.g.member.post("/annotations/" + id + "/edit", "body", "Stale form text", "tags", "", "version", "0")
                .then().statusCode(409).body(containsString("Stale form text")).body(containsString("Someone changed"));
    }

    @Test
    void shouldLeaveATombstoneWhenANoteWithRepliesIsDeleted() {
        Discussion d = new Discussion();
        long root = d.create(d.g.member, d.passage(0, 20, "COMMENTING", "To be deleted."));
        long reply = d.reply(d.g.owner, root, "A reply that must survive.");
        d.g.member.json("DELETE", "/api/annotations/" + reply, null).then().statusCode(403);
        d.g.member.json("DELETE", "/api/annotations/" + root, null).then().statusCode(204);
        d.g.owner.json("GET", "/api/annotations/" + root, null).then().statusCode(200)
                .body("deleted", equalTo(true)).body("body", equalTo(""));
        String page = d.page(d.g.owner);
        assertTrue(page.contains("This note was deleted.") && page.contains("A reply that must survive."), page);
        assertFalse(page.contains("To be deleted."));
        d.g.moderator.json("DELETE", "/api/annotations/" + reply, null).then().statusCode(204);
        d.g.owner.json("GET", "/api/annotations/" + reply, null).then().statusCode(404);
    }

    @Test
    void shouldNotifyMentionedMembersAndTheAuthorOfTheNoteRepliedTo() {
        Discussion d = new Discussion();
        long id = d.create(d.g.member, d.passage(0, 20, "QUESTIONING",
                "What do you think, @" + d.g.owner.username + " and @" + d.g.outsider.username + "?"));
        d.reply(d.g.moderator, id, "I think it holds.");
        d.g.owner.get("/notifications").then().statusCode(200).body(containsString("Member mentioned you"));
        d.g.member.get("/notifications").then().body(containsString("Moderator replied to you"));
        d.g.outsider.get("/notifications").then().body(not(containsString("mentioned you")));
        String permalink = d.g.owner.get("/annotations/" + id).then().statusCode(303).extract().header("Location");
        assertTrue(permalink.endsWith("/papers/" + d.paperId + "?group=" + d.g.id + "#annotation-" + id), permalink);
    }

    /** The Agree count the reader's margin shows on a note. */
    private static String agrees(Discussion d, long id) {
        return org.jsoup.Jsoup.parse(d.page(d.g.owner)).selectFirst("#note-" + id + " .reaction-count[title=Agree]")
                .ownText().strip();
    }
}
