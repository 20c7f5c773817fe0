package app.marginalia.core.discussion;

import app.marginalia.core.annotation.AnnotationLimits;
import app.marginalia.core.annotation.Motivation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoteRulesTest {

    @Test
    void shouldMakeANoteACommentUnlessAskedOtherwise() {
        assertEquals(Motivation.COMMENTING, NoteRules.motivationOf(null));
        assertEquals(Motivation.QUESTIONING, NoteRules.motivationOf(Motivation.QUESTIONING));
        assertEquals(Motivation.HIGHLIGHTING, NoteRules.motivationOf(Motivation.HIGHLIGHTING));
    }

    @Test
    void shouldRefuseAReplyStartedAsANewThread() {
        assertEquals("Reply to a note from its thread.",
                NoteRules.newThreadProblem(Motivation.REPLYING, true).orElseThrow().message());
        assertEquals("motivation", NoteRules.newThreadProblem(Motivation.REPLYING, false).orElseThrow().field());
    }

    @Test
    void shouldRefuseAHighlightWithoutAPassageButAcceptANoteOnTheWholePaper() {
        assertTrue(NoteRules.newThreadProblem(Motivation.HIGHLIGHTING, false).orElseThrow().message()
                .startsWith("A highlight needs a passage"));
        assertTrue(NoteRules.newThreadProblem(Motivation.HIGHLIGHTING, true).isEmpty());
        assertTrue(NoteRules.newThreadProblem(Motivation.COMMENTING, false).isEmpty());
        assertTrue(NoteRules.newThreadProblem(Motivation.QUESTIONING, false).isEmpty());
    }

    @Test
    void shouldAskWordsOfEveryNoteButAHighlight() {
        assertFalse(NoteRules.bodyRequired(Motivation.HIGHLIGHTING));
        assertTrue(NoteRules.bodyRequired(Motivation.COMMENTING));
        assertTrue(NoteRules.bodyRequired(Motivation.QUESTIONING));
        assertTrue(NoteRules.bodyRequired(Motivation.REPLYING));
    }

    @Test
    void shouldCountTheNotesAboveANote() {
        assertEquals(0, NoteRules.depth(null), "a thread's root");
        assertEquals(1, NoteRules.depth("/1/"));
        assertEquals(3, NoteRules.depth("/1/5/9/"));
    }

    @Test
    void shouldBuildAReplysPathFromItsParents() {
        assertEquals("/7/", NoteRules.ancestorsUnder(null, 7));
        assertEquals("/7/8/", NoteRules.ancestorsUnder("/7/", 8));
    }

    @Test
    void shouldAttachAReplyAtTheDeepestLevelToItsParentsParent() {
        String path = null;
        long id = 1;
        // The deepest note that still takes replies sits at depth DEPTH_MAX - 2.
        for (int depth = 0; depth < AnnotationLimits.DEPTH_MAX - 2; depth++) {
            path = NoteRules.ancestorsUnder(path, id++);
        }
        assertEquals(AnnotationLimits.DEPTH_MAX - 2, NoteRules.depth(path));
        assertFalse(NoteRules.replyGoesToParent(path, false), "its reply lands at DEPTH_MAX - 1");
        String deepest = NoteRules.ancestorsUnder(path, id);
        assertTrue(NoteRules.replyGoesToParent(deepest, false), "a reply there would reach DEPTH_MAX");
    }

    @Test
    void shouldAlwaysLetTheRootTakeReplies() {
        assertFalse(NoteRules.replyGoesToParent(null, true));
    }
}
