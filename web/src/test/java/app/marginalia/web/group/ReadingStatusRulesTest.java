package app.marginalia.web.group;

import app.marginalia.core.discussion.DiscussionEvent.ConclusionRecorded;
import app.marginalia.core.group.ReadingStatus;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.web.annotation.Discussion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reading list follows {@link ReadingStatus}'s rules on the server, not only in the page: a
 * conclusion moves a scheduled paper by legal moves only, a meeting is refused for a paper that
 * cannot be scheduled, and the page offers the meeting form exactly where it would be accepted.
 */
@QuarkusTest
class ReadingStatusRulesTest {

    /** The reading-list entry of the discussion's paper, from the group page. */
    static String entryOf(Discussion d) {
        Element entry = Jsoup.parse(d.g.owner.get("/groups/" + d.g.id).asString())
                .selectFirst("li.entry[data-paper=" + d.paperId + "]");
        assertNotNull(entry, "the paper is on the list");
        return entry.id().substring("entry-".length());
    }

    private static ReadingStatus status(Discussion d) {
        return ReadingStatus.valueOf(d.g.member.get("/api/groups/" + d.g.id + "/papers").jsonPath()
                .getString("find { it.paperId == " + d.paperId + " }.status"));
    }

    @Test
    void shouldConcludeAScheduledPaperByPassingThroughReading() {
        Discussion d = new Discussion();
        String entry = entryOf(d);
        d.g.moderator.post("/groups/" + d.g.id + "/list/" + entry + "/meeting", "meetingAt", "2031-03-06T17:00")
                .then().statusCode(303);
        assertEquals(ReadingStatus.SCHEDULED, status(d));
        Outbox outbox = new Outbox();

        d.g.moderator.post("/groups/" + d.g.id + "/papers/" + d.paperId + "/conclusion", "conclusion", "Read it again.")
                .then().statusCode(303);
        assertEquals(ReadingStatus.DISCUSSED, status(d));
        // One command, one event: the moves on the way are part of recording the conclusion.
        assertInstanceOf(ConclusionRecorded.class, outbox.one());
        // A discussed paper can be reopened and concluded again: every move on the way was a legal one.
        d.g.moderator.post("/groups/" + d.g.id + "/list/" + entry + "/status", "status", "READING").then().statusCode(303);
        assertEquals(ReadingStatus.READING, status(d));
    }

    @Test
    void shouldRefuseToConcludeAPaperThatIsOnlyProposed() {
        Discussion d = new Discussion();
        String page = d.g.moderator.postAndFollow("/groups/" + d.g.id + "/papers/" + d.paperId + "/conclusion",
                "conclusion", "Too early.").asString();
        assertTrue(page.contains("cannot be concluded; schedule its meeting first."), page);
        assertEquals(ReadingStatus.PROPOSED, status(d));
    }

    @Test
    void shouldRefuseAMeetingForAnArchivedOrADiscussedPaperWithAMessage() {
        Discussion d = new Discussion();
        String entry = entryOf(d);
        String meeting = "/groups/" + d.g.id + "/list/" + entry + "/meeting";
        String status = "/groups/" + d.g.id + "/list/" + entry + "/status";
        assertTrue(hasMeetingForm(d, entry), "a proposed paper can be scheduled");

        d.g.moderator.post(status, "status", "ARCHIVED").then().statusCode(303);
        String refused = d.g.moderator.post(meeting, "meetingAt", "2031-03-06T17:00").then().statusCode(422)
                .extract().asString();
        assertTrue(refused.contains("An archived paper cannot get a meeting; move it back to proposed first."), refused);
        assertEquals(ReadingStatus.ARCHIVED, status(d));
        assertNull(meetingAt(entry), "nothing saved");
        assertTrue(!hasMeetingForm(d, entry), "no meeting form for an archived paper");

        d.g.moderator.post(status, "status", "PROPOSED").then().statusCode(303);
        d.g.moderator.post(meeting, "meetingAt", "2031-03-06T17:00").then().statusCode(303);
        d.g.moderator.post(status, "status", "READING").then().statusCode(303);
        assertTrue(hasMeetingForm(d, entry), "the meeting of a paper being read can move");
        d.g.moderator.post(meeting, "meetingAt", "2031-03-13T17:00").then().statusCode(303);
        assertEquals(ReadingStatus.READING, status(d), "moving the meeting leaves it being read");
        d.g.moderator.post(status, "status", "DISCUSSED").then().statusCode(303);
        String discussed = d.g.moderator.post(meeting, "meetingAt", "2031-03-20T17:00").then().statusCode(422)
                .extract().asString();
        assertTrue(discussed.contains("A discussed paper cannot get a meeting; reopen it (move it back to reading) first."),
                discussed);
        assertEquals(ReadingStatus.DISCUSSED, status(d));
        assertEquals(java.time.Instant.parse("2031-03-13T16:00:00Z"), meetingAt(entry), "the meeting kept");
        assertTrue(!hasMeetingForm(d, entry), "no meeting form for a discussed paper");
    }

    private static boolean hasMeetingForm(Discussion d, String entry) {
        Document page = Jsoup.parse(d.g.moderator.get("/groups/" + d.g.id).asString());
        Element li = page.getElementById("entry-" + entry);
        assertNotNull(li);
        return li.selectFirst("form[action$=/meeting]") != null;
    }

    private static java.time.Instant meetingAt(String entry) {
        return QuarkusTransaction.requiringNew().call(() ->
                ReadingListEntry.<ReadingListEntry>findById(Long.parseLong(entry)).meetingAt);
    }
}
