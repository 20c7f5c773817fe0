package app.marginalia.web.search;

import app.marginalia.web.Visitor;
import app.marginalia.web.annotation.Discussion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every search filter can be turned round with a minus: for each one, {@code -x} leaves out
 * exactly what {@code x} keeps, through the JSON search API, on one group's discussion of every
 * kind and state. The is: filters follow ThreadKind and ThreadState.
 */
@QuarkusTest
class SearchExclusionTest {

    /** The note ids a filters-only search returns (at most one page; the fixture has fewer notes). */
    private static Set<Long> ids(Visitor who, String q) {
        var json = who.request().queryParam("q", q).get("/api/search").then().statusCode(200).extract().jsonPath();
        List<Long> ids = json.getList("notes.id", Long.class);
        assertEquals(ids.size(), json.getInt("noteTotal"), q + ": one page holds every result");
        return Set.copyOf(ids);
    }

    private static long created(Response response) {
        assertEquals(201, response.statusCode(), response.asString());
        return response.jsonPath().getLong("id");
    }

    @Test
    void shouldLeaveOutExactlyWhatEachFilterKeeps() {
        Discussion d = new Discussion();
        Visitor owner = d.g.owner;
        Visitor member = d.g.member;
        // A second paper on the group's list, for paper:.
        String other = owner.get("/api/papers").jsonPath().getList("id", Long.class).stream().map(String::valueOf)
                .filter(id -> !id.equals(d.paperId)).findFirst().orElseThrow();
        owner.post("/groups/" + d.g.id + "/list", "paperId", other).then().statusCode(303);

        Map<String, Object> tagged = d.passage(0, 10, "QUESTIONING", "Is the baseline fair?");
        tagged.put("tags", List.of("Method"));
        long answeredQuestion = d.create(member, tagged);
        long answer = d.reply(owner, answeredQuestion, "Yes, it is tuned.");
        member.json("POST", "/api/annotations/" + answeredQuestion + "/answer", Map.of("replyId", answer))
                .then().statusCode(200);
        long openQuestion = d.create(owner, d.passage(12, 20, "QUESTIONING", "Which seed?"));
        long resolvedNote = d.create(owner, d.passage(22, 30, "COMMENTING", "Typo in the appendix."));
        owner.json("POST", "/api/annotations/" + resolvedNote + "/resolve", Map.of("resolved", true))
                .then().statusCode(200);
        Map<String, Object> privateDraft = d.passage(32, 40, "COMMENTING", "My own doubt.");
        privateDraft.remove("groupId");
        privateDraft.put("tags", List.of("draft"));
        long privateNote = d.create(owner, privateDraft);
        Map<String, Object> bare = d.passage(42, 50, "HIGHLIGHTING", "");
        long bareHighlight = d.create(member, bare);
        long highlightWithWords = d.create(member, d.passage(52, 60, "HIGHLIGHTING", "This matters."));
        Map<String, Object> wholePaper = new HashMap<>(Map.of("groupId", Long.valueOf(d.g.id), "motivation", "COMMENTING",
                "body", "Worth reading first.", "tags", List.of()));
        long onOtherPaper = created(member.json("POST", "/api/papers/" + other + "/annotations", wholePaper));

        // The owner is new: every note they can see is one of these.
        Set<Long> all = Set.of(answeredQuestion, answer, openQuestion, resolvedNote, privateNote, bareHighlight,
                highlightWithWords, onOtherPaper);
        assertEquals(all, ids(owner, "-tag:nothing-has-this"), "a negated filter alone lists the rest");

        Map<String, Set<Long>> expected = new LinkedHashMap<>();
        expected.put("tag:method", Set.of(answeredQuestion));
        expected.put("by:" + member.username, Set.of(answeredQuestion, bareHighlight, highlightWithWords, onOtherPaper));
        expected.put("group:" + d.g.id, difference(all, Set.of(privateNote)));
        expected.put("paper:" + other, Set.of(onOtherPaper));
        expected.put("is:question", Set.of(answeredQuestion, openQuestion));
        expected.put("is:note", Set.of(resolvedNote, privateNote, highlightWithWords, onOtherPaper));
        expected.put("is:highlight", Set.of(bareHighlight));
        expected.put("is:reply", Set.of(answer));
        expected.put("is:open", Set.of(openQuestion));
        expected.put("is:answered", Set.of(answeredQuestion, answer));
        expected.put("is:unresolved", Set.of(privateNote, highlightWithWords, onOtherPaper));
        expected.put("is:resolved", Set.of(resolvedNote));
        expected.forEach((filter, kept) -> {
            assertEquals(kept, ids(owner, filter), filter);
            assertEquals(difference(all, kept), ids(owner, "-" + filter), "-" + filter + " leaves out exactly " + filter);
        });

        // Combined with words and with each other.
        assertEquals(Set.of(openQuestion), ids(owner, "is:question -is:answered"));
        assertEquals(Set.of(resolvedNote, privateNote), ids(owner, "is:note -by:" + member.username));
        assertEquals(Set.of(answer), ids(owner, "tuned -tag:method"));
        assertTrue(owner.request().queryParam("q", "-is:urgent").get("/api/search").then().statusCode(400)
                .extract().asString().contains("is:unresolved"), "the error names every is: value");
    }

    private static Set<Long> difference(Set<Long> all, Set<Long> minus) {
        Set<Long> rest = new HashSet<>(all);
        rest.removeAll(minus);
        return rest;
    }
}
