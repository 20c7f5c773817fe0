package app.marginalia.web.search;

import app.marginalia.web.Visitor;
import app.marginalia.web.annotation.Discussion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search from the header: papers and the discussions a member can see, ranked and highlighted,
 * filtered, kept in step with every change, and never showing what the searcher could not open.
 */
@QuarkusTest
class SearchTest {

    @Inject
    SearchIndexer indexer;

    private static JsonPath search(Visitor who, String q) {
        return who.request().queryParam("q", q).get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> noteIds(Visitor who, String q) {
        return search(who, q).getList("notes.id", Long.class);
    }

    /** A word no other test writes, so counts are exact whatever ran before. */
    private static String unique(String stem) {
        return stem + Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("[0-9]", "q");
    }

    @Test
    void shouldFindSeedPapersByTitleAuthorAndTextWithHighlights() {
        Visitor anyone = Visitor.anonymous();
        JsonPath r = search(anyone, "reward tampering");
        assertTrue(r.getString("papers[0].title").contains("Reward-Tampering"), r.prettify());
        assertTrue(r.getString("papers[0].titleHtml").contains("<mark>Reward</mark>"), r.prettify());
        assertEquals(0, r.getInt("noteTotal"), "no notes for someone signed out");
        assertTrue(search(anyone, "\"induction heads\"").getList("papers.title", String.class).stream()
                .anyMatch(t -> t.contains("Induction Heads")));
        assertTrue(search(anyone, "inducton").getList("papers.title", String.class).stream()
                .anyMatch(t -> t.contains("Induction")), "a typo is forgiven");
        assertTrue(search(anyone, "sycophan").getInt("paperTotal") >= 1, "prefixes match");
        long all = search(anyone, "language models").getLong("paperTotal");
        long fewer = search(anyone, "language models -reward").getLong("paperTotal");
        assertTrue(fewer < all, "excluding a word narrows the results");

        String page = anyone.request().queryParam("q", "reward tampering").get("/search").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<mark>Reward</mark>"));
        assertTrue(page.contains("id=\"site-search\""), "the header's search box");
    }

    @Test
    void shouldNeverShowOtherPeoplesPrivateNotesOrOtherGroupsDiscussions() {
        Discussion d = new Discussion();
        Discussion other = new Discussion();
        String word = unique("zebrafish");
        long group = d.create(d.g.member, d.passage(0, 10, "QUESTIONING", "Does the " + word + " result hold?"));
        Map<String, Object> priv = d.passage(20, 30, "COMMENTING", "My private " + word + " doubt");
        priv.remove("groupId");
        long mine = d.create(d.g.member, priv);
        long elsewhere = other.create(other.g.member, other.passage(0, 10, "COMMENTING", "Another club's " + word));

        assertEquals(List.of(group, mine).stream().sorted().toList(), noteIds(d.g.member, word).stream().sorted().toList());
        assertEquals(List.of(group), noteIds(d.g.owner, word), "the group's note, not the member's private one");
        assertEquals(1, search(d.g.owner, word).getInt("noteTotal"), "and the count agrees");
        assertEquals(List.of(elsewhere), noteIds(other.g.member, word));
        assertEquals(List.of(), noteIds(d.g.outsider, word));
        assertEquals(0, search(d.g.admin, word).getInt("noteTotal"), "administrators read no group's notes");
        String html = d.g.owner.request().queryParam("q", word).get("/search").asString();
        assertFalse(html.contains("private " + word) || html.contains("Another club"), html);

        // Leaving the group takes its notes out of the member's results at once.
        d.g.moderator.post("/groups/" + d.g.id + "/leave").then().statusCode(303);
        assertEquals(List.of(), noteIds(d.g.moderator, word));
    }

    @Test
    void shouldFilterByTagAuthorGroupPaperAndStateFromTheBoxAndTheForm() {
        Discussion d = new Discussion();
        String word = unique("axolotl");
        Map<String, Object> tagged = d.passage(0, 10, "QUESTIONING", "Is the " + word + " baseline fair?");
        tagged.put("tags", List.of("Method"));
        long question = d.create(d.g.member, tagged);
        long note = d.create(d.g.owner, d.passage(30, 40, "COMMENTING", "The " + word + " appendix helps."));
        long answer = d.reply(d.g.owner, question, "Yes, the " + word + " baseline is tuned.");

        assertEquals(List.of(question), noteIds(d.g.owner, word + " tag:method"));
        assertEquals(List.of(question), noteIds(d.g.owner, "tag:Method " + word));
        assertEquals(List.of(answer, note), noteIds(d.g.owner, "by:" + d.g.owner.username + " " + word).stream()
                .sorted((a, b) -> Long.compare(b, a)).toList());
        assertEquals(List.of(question), noteIds(d.g.owner, word + " is:question"));
        assertEquals(3, noteIds(d.g.owner, word + " group:" + d.g.id).size());
        assertEquals(0, noteIds(d.g.owner, word + " group:999999").size());
        String title = d.g.owner.get("/api/papers/" + d.paperId).jsonPath().getString("paper.title");
        assertEquals(3, noteIds(d.g.owner, word + " paper:\"" + title.split(" ")[0] + "\"").size());
        assertEquals(3, noteIds(d.g.owner, word + " paper:" + d.paperId).size());

        d.g.member.json("POST", "/api/annotations/" + question + "/answer", Map.of("replyId", answer)).then().statusCode(200);
        assertEquals(List.of(question), noteIds(d.g.owner, word + " is:answered is:question"));
        assertEquals(List.of(note), noteIds(d.g.owner, word + " is:unresolved"), "a note nobody resolved");
        assertEquals(List.of(), noteIds(d.g.owner, word + " is:open"), "an answered question is not open; a note never is");
        // The form's selects do the same as typing the filters.
        JsonPath form = d.g.owner.request().queryParam("q", word).queryParam("is", "answered")
                .queryParam("group", d.g.id).get("/api/search").jsonPath();
        assertTrue(form.getList("notes.id", Long.class).containsAll(List.of(question, answer)));
        String html = d.g.owner.request().queryParam("q", word).queryParam("is", "question").get("/search").asString();
        assertTrue(html.contains("<option value=\"question\" selected>Questions</option>"), "the form keeps its choice");
        assertTrue(html.contains("<mark>" + word + "</mark>"), html);
    }

    @Test
    void shouldFollowEveryEditDeleteAndVisibilityChange() {
        Discussion d = new Discussion();
        String before = unique("narwhal"), after = unique("pangolin");
        long id = d.create(d.g.owner, d.passage(0, 10, "COMMENTING", "About the " + before));
        assertEquals(List.of(id), noteIds(d.g.member, before));

        d.g.owner.json("PUT", "/api/annotations/" + id, Map.of("body", "About the " + after, "version", 0L))
                .then().statusCode(200);
        assertEquals(List.of(), noteIds(d.g.member, before));
        assertEquals(List.of(id), noteIds(d.g.member, after));

        Map<String, Object> priv = d.passage(20, 30, "COMMENTING", "Private " + after);
        priv.remove("groupId");
        long secret = d.create(d.g.owner, priv);
        assertEquals(List.of(id), noteIds(d.g.member, after), "private: the member does not see it");
        d.g.owner.post("/annotations/" + secret + "/share", "groupId", d.g.id).then().statusCode(303);
        assertEquals(List.of(id, secret).stream().sorted().toList(), noteIds(d.g.member, after).stream().sorted().toList(),
                "shared: now the group sees it");

        d.g.owner.json("DELETE", "/api/annotations/" + id, null).then().statusCode(204);
        assertEquals(List.of(secret), noteIds(d.g.member, after));

        String name = unique("Okapi club");
        d.g.owner.post("/groups/" + d.g.id + "/settings", "name", name, "description", "", "timeZone", "UTC")
                .then().statusCode(303);
        assertEquals(List.of(secret), noteIds(d.g.member, after + " group:\"" + name + "\""), "renamed group");

        d.g.owner.post("/groups/" + d.g.id + "/delete", "confirmName", name).then().statusCode(303);
        assertEquals(List.of(), noteIds(d.g.owner, after), "the group's notes went with it");
    }

    @Test
    void shouldFindAPaperByItsNewTitleAfterAnEditAndRebuildAStaleIndex() {
        Discussion d = new Discussion("Scaling Laws for Autoregressive");
        String word = unique("quokka");
        d.g.admin.post("/papers/" + d.paperId + "/edit", d.editFields("abstractText",
                d.g.owner.get("/api/papers/" + d.paperId).jsonPath().getString("abstractText") + " " + word))
                .then().statusCode(303);
        assertEquals(List.of(Long.valueOf(d.paperId)), search(Visitor.anonymous(), word).getList("papers.id", Long.class));

        // An index that lost its contents and its outbox position (a restored backup) is rebuilt at start.
        long rebuilds = indexer.rebuilds();
        indexer.stop(true);
        indexer.index().clear();
        indexer.index().commit(Map.of("schema", SearchIndexer.SCHEMA));
        assertEquals(0, search(Visitor.anonymous(), word).getInt("paperTotal"));
        indexer.start();
        assertEquals(rebuilds + 1, indexer.rebuilds());
        assertEquals(List.of(Long.valueOf(d.paperId)), search(Visitor.anonymous(), word).getList("papers.id", Long.class));
        indexer.stop(true);
        indexer.start();
        assertEquals(rebuilds + 1, indexer.rebuilds(), "a plain restart does not rebuild again");

        // Put the seed paper's text back for the other tests.
        d.g.admin.post("/papers/" + d.paperId + "/edit", d.editFields("abstractText",
                d.g.owner.get("/api/papers/" + d.paperId).jsonPath().getString("abstractText").replace(" " + word, "")))
                .then().statusCode(303);
    }

    @Test
    void shouldExplainQueriesItCannotRun() {
        Visitor anyone = Visitor.anonymous();
        String tooLong = anyone.request().queryParam("q", "x".repeat(501)).get("/search").then().statusCode(400)
                .extract().asString();
        assertTrue(tooLong.contains("at most 500 characters"));
        assertTrue(anyone.request().queryParam("q", "is:urgent").get("/api/search").then().statusCode(400)
                .extract().asString().contains("is:question"));
        anyone.request().queryParam("q", "x").queryParam("page", "0").get("/api/search").then().statusCode(400);
        assertEquals(0, search(anyone, "").getInt("paperTotal"));
        assertTrue(anyone.get("/search").then().statusCode(200).extract().asString().contains("How to search"));
    }
}
