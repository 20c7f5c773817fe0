package app.marginalia.core.paper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvisionalTitleTest {

    @Test
    void shouldUseAShortFirstSentenceWhole() {
        assertEquals("How are AI assistants being used in the real world",
                ProvisionalTitle.from("How are AI assistants being used in the real world? While model providers..."));
    }

    @Test
    void shouldCutALongFirstSentenceAtAWordBoundary() {
        String title = ProvisionalTitle.from("In reinforcement learning, specification gaming occurs when AI systems "
                + "learn undesired behaviors that are highly rewarded due to misspecified training goals. More.");
        assertEquals("In reinforcement learning, specification gaming occurs when AI systems learn…", title);
        assertTrue(title.length() <= ProvisionalTitle.MAX_LENGTH + 1);
    }

    @Test
    void shouldNameAPaperWithNoTextUntitled() {
        assertEquals("Untitled paper", ProvisionalTitle.from("  "));
    }
}
