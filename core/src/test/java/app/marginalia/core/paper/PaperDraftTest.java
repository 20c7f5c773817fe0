package app.marginalia.core.paper;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperDraftTest {

    private static PaperDraft draft(String title, String abstractText, String fullText, String date, String link) {
        return new PaperDraft(title, "Ada Lovelace\nCharles Babbage", abstractText, fullText, date, link);
    }

    @Test
    void shouldAcceptAMinimalPaper() {
        PaperDraft draft = draft(" Notes on the Engine ", "We describe an engine.", "", "2024-03-14", "https://example.org/p");
        assertEquals(List.of(), draft.problems());
        assertEquals("Notes on the Engine", draft.title());
        assertEquals(List.of("Ada Lovelace", "Charles Babbage"), draft.authorList());
        assertEquals(new PartialDate(2024, 3, 14), draft.publishedDate().orElseThrow());
        assertEquals("We describe an engine.", draft.readingText());
    }

    @Test
    void shouldReadTheAbstractThenTheFullTextAsOneDocument() {
        PaperDraft draft = draft("T", "Short abstract.", "# Full text\r\n\r\nsecond paragraph", "", "");
        assertEquals("Short abstract.\n\nFull text\n\nsecond paragraph", draft.readingText());
        assertEquals("A H1 P", draft.document().structure());
        assertEquals(Fingerprint.of("Short abstract."), draft.fingerprint());
    }

    @Test
    void shouldNameEveryBrokenRule() {
        PaperDraft draft = draft("", "", "", "next week", "javascript:alert(1)");
        assertEquals(List.of("title", "date", "link"),
                draft.problems().stream().map(FieldProblem::field).toList());
    }

    @Test
    void shouldAcceptAPaperWithoutTextIdentifiedByItsTitle() {
        PaperDraft draft = draft("Only A Title", "", "", "", "");
        assertEquals(List.of(), draft.problems());
        assertEquals("", draft.readingText());
        assertFalse(draft.hasText());
        assertNotEquals(draft("Another Title", "", "", "", "").fingerprint(), draft.fingerprint());
    }

    @Test
    void shouldEnforceTheSizeLimits() {
        PaperDraft draft = draft("x".repeat(PaperLimits.TITLE_MAX + 1), "a".repeat(PaperLimits.ABSTRACT_MAX + 1),
                "b".repeat(PaperLimits.FULL_TEXT_MAX + 1), "", "https://example.org/" + "c".repeat(PaperLimits.LINK_MAX));
        List<FieldProblem> problems = draft.problems();
        assertEquals(List.of("title", "abstractText", "fullText", "link"),
                problems.stream().map(FieldProblem::field).toList());
        assertTrue(problems.get(0).message().contains("500"));
    }
}
