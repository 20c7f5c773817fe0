package app.marginalia.core.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchQueryTest {

    @Test
    void shouldSplitWordsPhrasesExclusionsAndFilters() {
        SearchQuery q = SearchQuery.parse("reward \"induction heads\" -survey -\"toy model\" tag:Open-Question by:@ada "
                + "group:\"Tuesday club\" paper:attention is:question IS:open");
        assertEquals(List.of("reward"), q.words());
        assertEquals(List.of("induction heads"), q.phrases());
        assertEquals(List.of("survey", "\"toy model\""), q.excluded());
        assertEquals(List.of("open-question"), q.tags());
        assertEquals(List.of("ada"), q.authors());
        assertEquals(List.of("Tuesday club"), q.groups());
        assertEquals(List.of("attention"), q.papers());
        assertEquals(Set.of(SearchQuery.Is.QUESTION, SearchQuery.Is.OPEN), q.is());
        assertTrue(q.notesOnly());
        assertFalse(q.filtersOnly());
    }

    @Test
    void shouldSearchUnknownKeysAndLoneSymbolsAsText() {
        SearchQuery q = SearchQuery.parse("arXiv:1706.03762 - tag: \"unclosed phrase");
        assertEquals(List.of("arXiv:1706.03762", "-", "tag:"), q.words());
        assertEquals(List.of("unclosed phrase"), q.phrases());
        assertFalse(q.notesOnly());
    }

    @Test
    void shouldKnowAnEmptyQueryAndAFiltersOnlyQuery() {
        assertTrue(SearchQuery.parse("   ").isEmpty());
        assertTrue(SearchQuery.parse(null).isEmpty());
        assertTrue(SearchQuery.parse("\"\"").isEmpty());
        SearchQuery open = SearchQuery.parse("is:open -draft");
        assertFalse(open.isEmpty());
        assertTrue(open.filtersOnly());
    }

    @Test
    void shouldRefuseWhatCannotBeRunWithAReason() {
        assertTrue(assertThrows(SearchQuery.Invalid.class, () -> SearchQuery.parse("is:urgent")).getMessage()
                .contains("is:question"));
        assertTrue(assertThrows(SearchQuery.Invalid.class, () -> SearchQuery.parse("x".repeat(501))).getMessage()
                .contains("at most 500 characters"));
        assertTrue(assertThrows(SearchQuery.Invalid.class, () -> SearchQuery.parse("w ".repeat(33))).getMessage()
                .contains("at most 32"));
    }
}
