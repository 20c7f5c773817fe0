package app.marginalia.core.discussion;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.ReactionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadStateTest {

    @Test
    void theKindComesFromTheRoot() {
        assertEquals(ThreadKind.QUESTION, ThreadKind.of(Motivation.QUESTIONING, false, false));
        assertEquals(ThreadKind.NOTE, ThreadKind.of(Motivation.COMMENTING, true, false));
        assertEquals(ThreadKind.HIGHLIGHT, ThreadKind.of(Motivation.HIGHLIGHTING, false, false));
        assertEquals(ThreadKind.NOTE, ThreadKind.of(Motivation.HIGHLIGHTING, true, false), "a highlight with words is a note");
        assertEquals(ThreadKind.NOTE, ThreadKind.of(Motivation.HIGHLIGHTING, false, true), "a highlight with replies is discussed");
    }

    @Test
    void precedenceForEveryCombination() {
        for (ThreadKind kind : ThreadKind.values()) {
            for (boolean answered : new boolean[]{false, true}) {
                for (boolean resolved : new boolean[]{false, true}) {
                    for (boolean deleted : new boolean[]{false, true}) {
                        ThreadState state = ThreadState.of(kind, answered, resolved, deleted);
                        ThreadState expected = deleted ? ThreadState.GONE
                                : kind == ThreadKind.HIGHLIGHT ? ThreadState.NONE
                                : resolved ? ThreadState.RESOLVED
                                : kind == ThreadKind.QUESTION ? (answered ? ThreadState.ANSWERED : ThreadState.OPEN)
                                : ThreadState.UNRESOLVED;
                        assertEquals(expected, state, kind + " answered=" + answered + " resolved=" + resolved
                                + " deleted=" + deleted);
                        assertEquals(state == ThreadState.OPEN || state == ThreadState.UNRESOLVED, state.pending());
                    }
                }
            }
        }
    }

    @Test
    void aThreadFromItsRootsFacts() {
        assertEquals(new Thread(ThreadKind.HIGHLIGHT, ThreadState.NONE),
                Thread.of(Motivation.HIGHLIGHTING, " ", false, true, false, false));
        assertEquals(new Thread(ThreadKind.NOTE, ThreadState.RESOLVED),
                Thread.of(Motivation.HIGHLIGHTING, "", false, true, false, true));
        assertEquals(new Thread(ThreadKind.QUESTION, ThreadState.ANSWERED),
                Thread.of(Motivation.QUESTIONING, "Why?", true, false, false, true));
        assertEquals(new Thread(ThreadKind.NOTE, ThreadState.GONE),
                Thread.of(Motivation.COMMENTING, "", false, false, true, true));
    }

    @Test
    void aQuestionAnsweredAndResolvedIsResolved() {
        assertEquals(ThreadState.RESOLVED, ThreadState.of(ThreadKind.QUESTION, true, true, false));
    }

    @ParameterizedTest
    @EnumSource(ThreadState.class)
    void termsRoundTrip(ThreadState state) {
        assertEquals(state, ThreadState.parse(state.term()).orElseThrow());
        assertEquals(state, ThreadState.parse(state.label()).orElseThrow());
    }

    @Test
    void labelsOfSingleNotes() {
        assertEquals("Question", ThreadKind.labelOf(Motivation.QUESTIONING));
        assertEquals("Reply", ThreadKind.labelOf(Motivation.REPLYING));
        assertFalse(ThreadState.NONE.discussion());
        assertTrue(ThreadState.RESOLVED.discussion());
    }

    @Test
    void everyEventSurvivesTheOutbox() {
        DiscussionEvent[] events = {
                new DiscussionEvent.NoteAdded(1, 2, 3L, 4L, Motivation.QUESTIONING),
                new DiscussionEvent.NoteAdded(1, 2, null, 4L, Motivation.COMMENTING),
                new DiscussionEvent.ReplyAdded(5, 1, 1, 2, 3L, 4L),
                new DiscussionEvent.NoteEdited(5, 1, 2, 3L, 4L),
                new DiscussionEvent.NoteDeleted(5, 1, 2, null, 4L),
                new DiscussionEvent.Reacted(5, 1, 2, 3L, 4L, ReactionKind.values()[0], true),
                new DiscussionEvent.AnswerMarked(1, 5L, 2, 3L, 4L),
                new DiscussionEvent.AnswerMarked(1, null, 2, 3L, 4L),
                new DiscussionEvent.ThreadResolved(1, 2, 3L, 4L, false),
                new DiscussionEvent.NoteShared(1, 2, 3L, 4L),
                new DiscussionEvent.NoteReattached(1, 2, 3L, 4L),
                new DiscussionEvent.ConclusionRecorded(9, 2, 3L, 4L, DiscussionEvent.CONCLUSION_MOVED),
                new DiscussionEvent.ConclusionRecorded(9, 2, 3L, 4L, null),
                new DiscussionEvent.ReadingListChanged(3L, 2L, 4L, DiscussionEvent.ListChange.MEETING_SCHEDULED,
                        "2026-12-02T17:00:00Z"),
                new DiscussionEvent.ReadingListChanged(3L, null, null, DiscussionEvent.ListChange.SEEDED, "a|b%c é"),
                new DiscussionEvent.MembershipChanged(3L, 7, 4L, DiscussionEvent.MemberChange.ROLE_CHANGED, "MODERATOR"),
                new DiscussionEvent.GroupChanged(3L, 4L, DiscussionEvent.GroupChange.DELETED),
                new DiscussionEvent.PaperChanged(2, null),
                new DiscussionEvent.AccountChanged(4, 4L, true)};
        for (DiscussionEvent e : events) {
            assertEquals(e, DiscussionEvent.decode(e.type(), e.payload()).orElseThrow(), e.type() + " " + e.payload());
        }
        assertEquals(DiscussionEvent.TYPES.size(), DiscussionEvent.class.getPermittedSubclasses().length - 1
                + DiscussionEvent.NoteEvent.class.getPermittedSubclasses().length, "every event type is decodable");
    }

    @Test
    void malformedRowsAreSkippedNotFatal() {
        assertTrue(DiscussionEvent.decode("NoSuchEvent", "1").isEmpty());
        assertTrue(DiscussionEvent.decode("NoteEdited", "1|2").isEmpty());
        assertTrue(DiscussionEvent.decode("NoteEdited", "x|1|2|3|4").isEmpty());
        assertTrue(DiscussionEvent.decode("ThreadResolved", "1|2|3|4|maybe").isEmpty());
        assertTrue(DiscussionEvent.decode("NoteAdded", "1|2|3|4|SINGING").isEmpty());
    }
}
