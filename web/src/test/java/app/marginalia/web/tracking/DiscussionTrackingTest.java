package app.marginalia.web.tracking;

import app.marginalia.web.Visitor;
import app.marginalia.web.annotation.Discussion;
import app.marginalia.web.group.GroupFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a group's discussion stands: the counts per paper, what is new to each member since
 * their last visit, and the activity feed; private notes never count for anyone.
 */
@QuarkusTest
class DiscussionTrackingTest {

    private static Map<String, Object> stats(Discussion d, Visitor who) {
        JsonPath list = who.get("/api/groups/" + d.g.id + "/papers").then().statusCode(200).extract().jsonPath();
        return list.getMap("find { it.paperId == " + d.paperId + " }.discussion");
    }

    @Test
    void shouldCountQuestionsThreadsNotesAndPeoplePerPaperWithoutPrivateNotes() {
        Discussion d = new Discussion();
        long open = d.create(d.g.member, d.passage(0, 10, "QUESTIONING", "Why this setup?"));
        long answered = d.create(d.g.member, d.passage(20, 30, "QUESTIONING", "Which dataset?"));
        long reply = d.reply(d.g.moderator, answered, "The one in section 2.");
        d.g.member.json("POST", "/api/annotations/" + answered + "/answer", Map.of("replyId", reply)).then().statusCode(200);
        long comment = d.create(d.g.owner, d.passage(40, 50, "COMMENTING", "Nice framing."));
        long resolved = d.create(d.g.owner, d.passage(60, 70, "COMMENTING", "Typo here."));
        d.g.owner.json("POST", "/api/annotations/" + resolved + "/resolve", Map.of("resolved", true)).then().statusCode(200);
        d.create(d.g.moderator, d.passage(80, 90, "HIGHLIGHTING", ""));
        // A private question and note of the owner's: in nobody's counts, not even the owner's.
        Map<String, Object> priv = d.passage(100, 110, "QUESTIONING", "Private doubt");
        priv.remove("groupId");
        d.create(d.g.owner, priv);

        Map<String, Object> s = stats(d, d.g.owner);
        assertEquals(1, ((Number) s.get("openQuestions")).intValue());
        assertEquals(1, ((Number) s.get("answeredQuestions")).intValue());
        assertEquals(1, ((Number) s.get("resolvedThreads")).intValue());
        assertEquals(1, ((Number) s.get("unresolvedThreads")).intValue(), "the open comment thread");
        assertEquals(5, ((Number) s.get("notes")).intValue(), "2 questions, 1 reply, 2 comments");
        assertEquals(1, ((Number) s.get("highlights")).intValue());
        assertEquals(3, ((Number) s.get("participants")).intValue());
        assertTrue(open > 0 && comment > 0);

        // The group page shows the same counts on the reading list.
        String page = d.g.member.get("/groups/" + d.g.id).asString();
        assertTrue(page.contains("<strong>1</strong> open question</li>"), page);
        assertTrue(page.contains("<strong>5</strong> notes"), page);
        assertTrue(page.contains("<strong>3</strong> people"), page);
        assertFalse(page.contains("Private doubt"));
        // And so does the top of the reader.
        String reader = d.page(d.g.member);
        assertTrue(reader.contains("class=\"group-panel\""), reader);
        assertTrue(reader.contains("<strong>1</strong> answered"), reader);

        // A deleted question (kept as a tombstone for its reply) no longer counts as answered.
        d.g.member.json("DELETE", "/api/annotations/" + answered, null).then().statusCode(204);
        assertEquals(0, ((Number) stats(d, d.g.owner).get("answeredQuestions")).intValue());
    }

    @Test
    void shouldMarkWhatIsNewSinceEachMembersLastVisitUntilSeen() {
        Discussion d = new Discussion();
        d.view(d.g.member); // the member has looked at the paper once
        long question = d.create(d.g.owner, d.passage(0, 12, "QUESTIONING", "Is the baseline fair?"));
        d.create(d.g.member, d.passage(30, 40, "COMMENTING", "My own note is never new to me."));

        assertEquals(1, ((Number) stats(d, d.g.member).get("fresh")).intValue());
        assertEquals(1, ((Number) stats(d, d.g.owner).get("fresh")).intValue(), "the owner never opened it");
        Element listed = d.g.member.html("/groups/" + d.g.id)
                .selectFirst("li.entry > h3.entry__title:has(> a[href=\"/papers/" + d.paperId + "?group=" + d.g.id + "\"])");
        assertNotNull(listed, "the paper is on the list");
        assertEquals("1 new", listed.select("> a + span.badge--new[title=\"Notes added since you last opened this paper\"]").text(),
                "group page badge for the paper");
        Element card = d.g.member.html("/papers")
                .selectFirst("li.paper-card > h2.paper-card__title:has(> a[href=/papers/" + d.paperId + "])");
        assertNotNull(card, "the paper is in the library");
        assertEquals("1 new", card.select("> a + span.badge--new").text(), "library badge for the paper");

        // Opening the paper shows the owner's question as new, once.
        String first = d.view(d.g.member);
        assertEquals(1, Jsoup.parse(first).select("article#annotation-" + question
                + " > .thread__title:first-child > span.badge--new:first-child").size(), "the new thread is marked");
        assertTrue(first.contains("1 new since your last visit"));
        String second = d.page(d.g.member);
        assertTrue(Jsoup.parse(second).select(".badge--new").isEmpty(), "seen now");
        assertEquals(0, ((Number) stats(d, d.g.member).get("fresh")).intValue());

        // A reply makes the thread new again, for the others only.
        d.reply(d.g.moderator, question, "It is, see the appendix.");
        assertTrue(d.view(d.g.member).contains("1 new since your last visit"));
        String moderators = d.page(d.g.moderator);
        assertEquals(List.of("New"), Jsoup.parse(moderators).select("article#annotation-" + question
                        + " > .thread__title > span.badge--new").eachText(),
                "the question is new to the moderator, their own reply is not: no count of 2");

        // The reader's script marks live updates seen the same way.
        d.reply(d.g.owner, question, "Agreed.");
        d.g.member.json("POST", "/api/papers/" + d.paperId + "/seen", Map.of("groupId", Long.valueOf(d.g.id)))
                .then().statusCode(204);
        assertEquals(0, ((Number) stats(d, d.g.member).get("fresh")).intValue());
        d.g.outsider.json("POST", "/api/papers/" + d.paperId + "/seen", Map.of("groupId", Long.valueOf(d.g.id)))
                .then().statusCode(404);
    }

    @Test
    void shouldNotMarkAnythingSeenByOpeningTheReaderOnlyByThePost() {
        Discussion d = new Discussion();
        d.view(d.g.member);
        d.create(d.g.owner, d.passage(0, 12, "QUESTIONING", "Did anyone run the code?"));

        // Opening the reader is a GET: prefetchers, link previews and reloads change nothing.
        String first = d.page(d.g.member);
        String second = d.page(d.g.member);
        assertTrue(first.contains("1 new since your last visit"), first);
        assertTrue(second.contains("1 new since your last visit"), "still new after two GETs");
        assertEquals(1, ((Number) stats(d, d.g.member).get("fresh")).intValue());

        // The page carries a "Mark as read" form (the button without JavaScript, and what seen.js posts).
        Document page = Jsoup.parse(second);
        Element form = page.selectFirst("form[data-mark-seen]");
        assertEquals("/papers/" + d.paperId + "/seen", form.attr("action"));
        assertEquals("post", form.attr("method"));
        assertEquals(d.g.id, form.selectFirst("input[name=groupId]").val());
        assertEquals("Mark as read", form.selectFirst("button").text());
        String at = form.selectFirst("input[name=at]").val();

        // A note saved after the page was rendered stays new after the page's post: it was not shown.
        long later = d.create(d.g.moderator, d.passage(20, 30, "COMMENTING", "Saved after the page was shown."));
        String back = d.g.member.post("/papers/" + d.paperId + "/seen", "groupId", d.g.id, "at", at)
                .then().statusCode(303).extract().header("Location");
        assertEquals("/papers/" + d.paperId + "?group=" + d.g.id, back);
        String after = d.page(d.g.member);
        assertTrue(after.contains("1 new since your last visit"), "only the later note is new");
        assertTrue(Jsoup.parse(after).selectFirst("#annotation-" + later + " .badge--new") != null, after);

        // A stale tab posting an older time does not move the marker back.
        d.g.member.post("/papers/" + d.paperId + "/seen", "groupId", d.g.id, "at", "0").then().statusCode(303);
        assertEquals(1, ((Number) stats(d, d.g.member).get("fresh")).intValue());
        // Without a time, seen up to now; a time in the future counts as now.
        d.g.member.json("POST", "/api/papers/" + d.paperId + "/seen", Map.of("groupId", Long.valueOf(d.g.id),
                "at", Long.MAX_VALUE)).then().statusCode(204);
        assertEquals(0, ((Number) stats(d, d.g.member).get("fresh")).intValue());
        assertFalse(d.page(d.g.member).contains("data-mark-seen"), "nothing new: no button");
        // Only members of the group may post it.
        d.g.outsider.post("/papers/" + d.paperId + "/seen", "groupId", d.g.id).then().statusCode(404);
    }

    @Test
    void shouldKeepAFeedOfTheGroupFilterableAndPaginated() {
        Discussion d = new Discussion();
        long q = d.create(d.g.member, d.passage(0, 10, "QUESTIONING", "What does Figure 2 show?"));
        long r = d.reply(d.g.owner, q, "Loss curves.");
        d.g.member.json("POST", "/api/annotations/" + q + "/answer", Map.of("replyId", r)).then().statusCode(200);
        d.g.member.json("POST", "/api/annotations/" + q + "/resolve", Map.of("resolved", true)).then().statusCode(200);
        Map<String, Object> priv = d.passage(20, 30, "COMMENTING", "secret private thought");
        priv.remove("groupId");
        d.create(d.g.member, priv);

        List<Map<String, Object>> lines = d.g.moderator.get("/api/groups/" + d.g.id + "/activity").jsonPath().getList("lines");
        List<Object> kinds = lines.stream().map(l -> l.get("kind")).toList();
        assertTrue(kinds.containsAll(List.of("QUESTION_ASKED", "REPLY_ADDED", "QUESTION_ANSWERED", "THREAD_RESOLVED",
                "PAPER_PROPOSED", "MEMBER_JOINED")), kinds.toString());
        assertEquals("THREAD_RESOLVED", kinds.get(0), "newest first");
        assertFalse(lines.toString().contains("secret private thought"));
        assertEquals("What does Figure 2 show?", lines.stream().filter(l -> "QUESTION_ASKED".equals(l.get("kind")))
                .findFirst().orElseThrow().get("excerpt"));

        List<Object> replies = d.g.moderator.get("/api/groups/" + d.g.id + "/activity?kind=replies").jsonPath()
                .getList("lines.kind");
        assertEquals(List.of("REPLY_ADDED"), replies);
        List<Object> byOwner = d.g.moderator.get("/api/groups/" + d.g.id + "/activity?member="
                + GroupFixture.accountId(d.g.owner)).jsonPath().getList("lines.actor");
        assertTrue(!byOwner.isEmpty() && byOwner.stream().allMatch(a -> a.equals(byOwner.get(0))));
        assertEquals(4, d.g.moderator.get("/api/groups/" + d.g.id + "/activity?paper=" + d.paperId + "&kind=")
                .jsonPath().getList("lines").size() - 1, "4 discussion lines and the proposal");
        d.g.moderator.get("/api/groups/" + d.g.id + "/activity?kind=gossip").then().statusCode(400);
        d.g.moderator.get("/api/groups/" + d.g.id + "/activity?page=0").then().statusCode(400);
        d.g.outsider.get("/api/groups/" + d.g.id + "/activity").then().statusCode(404);

        // More than a page: 35 replies make two pages.
        for (int i = 0; i < 35; i++) {
            d.reply(d.g.member, q, "Reply " + i);
        }
        JsonPath first = d.g.member.get("/api/groups/" + d.g.id + "/activity?kind=replies").jsonPath();
        assertEquals(30, first.getList("lines").size());
        assertTrue(first.getBoolean("more"));
        JsonPath second = d.g.member.get("/api/groups/" + d.g.id + "/activity?kind=replies&page=2").jsonPath();
        assertEquals(6, second.getList("lines").size());
        assertFalse(second.getBoolean("more"));

        String html = d.g.member.get("/groups/" + d.g.id + "/activity?kind=replies").asString();
        assertTrue(html.contains("<option value=\"replies\" selected>Replies</option>"), "the filter keeps its choice");
        assertTrue(html.contains("rel=\"next\" href=\"?kind=replies&amp;page=2\""), html);
        assertTrue(html.contains("“Reply 34”"));
    }
}
