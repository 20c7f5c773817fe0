package app.marginalia.core.annotation;

import app.marginalia.core.paper.FieldProblem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoteDraftTest {

    @Test
    void shouldNormaliseTags() {
        assertEquals(List.of("method", "open-question"), NoteDraft.of("x", "#Method, open-question method").tags());
    }

    @Test
    void shouldNameEachLimitItBreaks() {
        List<FieldProblem> problems = NoteDraft.of("a".repeat(10_001), String.join(",",
                java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList())).problems(true);
        assertEquals(List.of("body", "tags"), problems.stream().map(FieldProblem::field).toList());
        assertTrue(problems.get(0).message().contains("at most 10000 characters"));
        assertTrue(NoteDraft.of("ok", "x".repeat(51)).problems(true).get(0).message().contains("at most 50"));
        assertEquals("Write something first.", NoteDraft.of(" ", "").problems(true).get(0).message());
        assertTrue(NoteDraft.of("", "").problems(false).isEmpty());
    }

    @Test
    void shouldFindMentionsButNotEmailsOrCode() {
        assertEquals(Set.of("ada", "ben.f"), Mentions.in("Thanks @Ada and @ben.f. Mail me at x@example.org, not `@code`."));
    }
}
