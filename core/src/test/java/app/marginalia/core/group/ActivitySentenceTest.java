package app.marginalia.core.group;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.group.ActivitySentence.Line;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivitySentenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static String write(ActivityKind kind, String subject, String paper, String detail) {
        return ActivitySentence.write(new Line(kind, "Ada Lovelace", subject, paper, detail), BERLIN);
    }

    @Test
    void shouldTellWhatHappenedToTheGroup() {
        assertEquals("Ada Lovelace created the group", write(ActivityKind.GROUP_CREATED, null, null, null));
        assertEquals("Ada Lovelace changed the group's settings", write(ActivityKind.GROUP_EDITED, null, null, null));
        assertEquals("Ada Lovelace created an invitation link", write(ActivityKind.INVITATION_CREATED, null, null, null));
        assertEquals("Ada Lovelace revoked an invitation link", write(ActivityKind.INVITATION_REVOKED, null, null, null));
    }

    @Test
    void shouldNameTheMemberAChangeWasAbout() {
        assertEquals("Ada Lovelace joined through an invitation link", write(ActivityKind.MEMBER_JOINED, null, null, null));
        assertEquals("Ada Lovelace left the group", write(ActivityKind.MEMBER_LEFT, null, null, null));
        assertEquals("Ada Lovelace removed Charles Babbage", write(ActivityKind.MEMBER_REMOVED, "Charles Babbage", null, null));
        assertEquals("Ada Lovelace made Charles Babbage a moderator",
                write(ActivityKind.ROLE_CHANGED, "Charles Babbage", null, "MODERATOR"));
        assertEquals("Ada Lovelace handed ownership to Charles Babbage",
                write(ActivityKind.OWNERSHIP_TRANSFERRED, "Charles Babbage", null, null));
    }

    @Test
    void shouldQuoteThePaperOfAReadingListChange() {
        assertEquals("Ada Lovelace proposed “Attention Is All You Need”",
                write(ActivityKind.PAPER_PROPOSED, null, "Attention Is All You Need", null));
        assertEquals("Ada Lovelace added the 5 seed papers to the reading list",
                write(ActivityKind.PAPER_PROPOSED, null, null, "5"));
        assertEquals("Ada Lovelace moved “Dropout” to reading", write(ActivityKind.STATUS_CHANGED, null, "Dropout", "READING"));
        assertEquals("Ada Lovelace removed “Dropout” from the list", write(ActivityKind.PAPER_REMOVED, null, "Dropout", null));
        assertEquals("Ada Lovelace voted for “Dropout”", write(ActivityKind.VOTE_CAST, null, "Dropout", null));
    }

    @Test
    void shouldGiveAMeetingInTheGroupsZone() {
        assertEquals("Ada Lovelace scheduled “Dropout” for Thu 6 Mar 2031, 17:00",
                write(ActivityKind.MEETING_SCHEDULED, null, "Dropout", "2031-03-06T16:00:00Z"));
        assertEquals("Ada Lovelace scheduled “Dropout” for Thu 6 Mar 2031, 16:00",
                ActivitySentence.write(new Line(ActivityKind.MEETING_SCHEDULED, "Ada Lovelace", null, "Dropout",
                        "2031-03-06T16:00:00Z"), null), "UTC without a zone");
    }

    @Test
    void shouldSayWhetherAConclusionIsNewOrRevised() {
        assertEquals("Ada Lovelace recorded the conclusion on “Dropout” and moved it to discussed",
                write(ActivityKind.CONCLUSION_RECORDED, null, "Dropout", DiscussionEvent.CONCLUSION_MOVED));
        assertEquals("Ada Lovelace updated the conclusion on “Dropout”",
                write(ActivityKind.CONCLUSION_RECORDED, null, "Dropout", DiscussionEvent.CONCLUSION_UPDATED));
        assertEquals("Ada Lovelace recorded the conclusion on “Dropout”",
                write(ActivityKind.CONCLUSION_RECORDED, null, "Dropout", null), "the first, on a paper discussed already");
    }

    @Test
    void shouldTellWhatHappenedInTheDiscussion() {
        assertEquals("Ada Lovelace added a note on “Dropout”", write(ActivityKind.NOTE_ADDED, null, "Dropout", null));
        assertEquals("Ada Lovelace asked a question on “Dropout”", write(ActivityKind.QUESTION_ASKED, null, "Dropout", null));
        assertEquals("Ada Lovelace shared a note on “Dropout”", write(ActivityKind.NOTE_SHARED, null, "Dropout", null));
        assertEquals("Ada Lovelace replied on “Dropout”", write(ActivityKind.REPLY_ADDED, null, "Dropout", null));
        assertEquals("Ada Lovelace marked an answer on “Dropout”", write(ActivityKind.QUESTION_ANSWERED, null, "Dropout", null));
        assertEquals("Ada Lovelace resolved a thread on “Dropout”", write(ActivityKind.THREAD_RESOLVED, null, "Dropout", null));
        assertEquals("Ada Lovelace reopened a thread on “Dropout”", write(ActivityKind.THREAD_REOPENED, null, "Dropout", null));
    }

    @Test
    void shouldStayTrueButVaguerWhenAReferenceIsGone() {
        assertEquals("Someone removed a former member",
                ActivitySentence.write(new Line(ActivityKind.MEMBER_REMOVED, null, null, null, null), BERLIN));
        assertEquals("Ada Lovelace replied on a paper", write(ActivityKind.REPLY_ADDED, null, null, null));
        assertEquals("Ada Lovelace moved “Dropout” on the list", write(ActivityKind.STATUS_CHANGED, null, "Dropout", "LOST"));
        assertEquals("Ada Lovelace scheduled “Dropout”", write(ActivityKind.MEETING_SCHEDULED, null, "Dropout", "soon"));
        assertEquals("Ada Lovelace changed the role of Charles Babbage",
                write(ActivityKind.ROLE_CHANGED, "Charles Babbage", null, null));
    }

    @Test
    void shouldCallALineCompleteOnlyWhenItKnowsEveryFactItsSentenceNames() {
        assertTrue(ActivitySentence.complete(new Line(ActivityKind.MEMBER_JOINED, "Ada", null, null, null)));
        assertFalse(ActivitySentence.complete(new Line(ActivityKind.MEMBER_JOINED, null, null, null, null)),
                "an actor whose account is gone");
        assertFalse(ActivitySentence.complete(new Line(ActivityKind.MEMBER_REMOVED, "Ada", null, null, null)),
                "a removal written before lines kept whom it removed");
        assertFalse(ActivitySentence.complete(new Line(ActivityKind.ROLE_CHANGED, "Ada", "Charles", null, null)));
        assertTrue(ActivitySentence.complete(new Line(ActivityKind.ROLE_CHANGED, "Ada", "Charles", null, "OWNER")));
        assertFalse(ActivitySentence.complete(new Line(ActivityKind.STATUS_CHANGED, "Ada", null, "Dropout", null)));
        assertFalse(ActivitySentence.complete(new Line(ActivityKind.MEETING_SCHEDULED, "Ada", null, "Dropout", null)));
        assertFalse(ActivitySentence.complete(new Line(ActivityKind.CONCLUSION_RECORDED, "Ada", null, "Dropout", null)));
        assertFalse(ActivitySentence.complete(new Line(ActivityKind.PAPER_PROPOSED, "Ada", null, null, null)),
                "the seed line written before lines kept its count");
        assertTrue(ActivitySentence.complete(new Line(ActivityKind.PAPER_PROPOSED, "Ada", null, null, "5")));
        assertFalse(ActivitySentence.complete(new Line(ActivityKind.REPLY_ADDED, "Ada", null, null, null)),
                "a paper deleted since");
        assertTrue(ActivitySentence.complete(new Line(ActivityKind.REPLY_ADDED, "Ada", null, "Dropout", null)));
    }
}
