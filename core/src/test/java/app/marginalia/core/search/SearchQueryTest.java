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
        String unknown = assertThrows(SearchQuery.Invalid.class, () -> SearchQuery.parse("is:urgent")).getMessage();
        assertEquals("Unknown filter is:urgent; use is:question, is:note, is:highlight, is:reply, is:open, is:answered, "
                + "is:unresolved or is:resolved.", unknown);
        assertThrows(SearchQuery.Invalid.class, () -> SearchQuery.parse("-is:urgent"), "a negated filter too");
        assertTrue(assertThrows(SearchQuery.Invalid.class, () -> SearchQuery.parse("x".repeat(501))).getMessage()
                .contains("at most 500 characters"));
        assertTrue(assertThrows(SearchQuery.Invalid.class, () -> SearchQuery.parse("w ".repeat(33))).getMessage()
                .contains("at most 32"));
    }

    @Test
    void shouldNegateEveryFilterWithALeadingMinus() {
        SearchQuery q = SearchQuery.parse("reward -tag:Method -by:@ada -group:\"Tuesday club\" -paper:attention "
                + "-is:resolved -is:REPLY tag:open-question");
        assertEquals(List.of("reward"), q.words());
        assertEquals(List.of(), q.excluded(), "negated filters are not excluded words");
        assertEquals(new SearchQuery.Filters(List.of("method"), List.of("ada"), List.of("Tuesday club"),
                List.of("attention"), Set.of(SearchQuery.Is.RESOLVED, SearchQuery.Is.REPLY)), q.exclusions());
        assertEquals(new SearchQuery.Filters(List.of("open-question"), List.of(), List.of(), List.of(), Set.of()),
                q.filters(), "the kept filter stays kept");
    }

    @Test
    void shouldTreatANegatedFilterAloneAsAFiltersOnlyQueryAboutNotes() {
        SearchQuery q = SearchQuery.parse("-tag:draft");
        assertFalse(q.isEmpty(), "lists every note without the tag");
        assertTrue(q.filtersOnly());
        assertTrue(q.notesOnly(), "a paper has no tags: a note filter, negated or not, is about notes");
        assertTrue(SearchQuery.parse("-by:ada").notesOnly());
        assertTrue(SearchQuery.parse("-is:open").notesOnly());
        assertTrue(SearchQuery.parse("-group:3").notesOnly());
        assertFalse(SearchQuery.parse("reward -paper:attention").notesOnly(), "papers can be left out by paper:");
        assertTrue(SearchQuery.parse("-draft").isEmpty(), "an excluded word alone has nothing to look for");
    }

    @Test
    void shouldNameIsValuesAfterThreadKindsAndStates() {
        assertEquals(SearchQuery.Is.UNRESOLVED, SearchQuery.parse("is:unresolved").is().iterator().next());
        assertEquals("state", SearchQuery.Is.UNRESOLVED.field());
        assertEquals(app.marginalia.core.discussion.ThreadState.UNRESOLVED.term(), SearchQuery.Is.UNRESOLVED.term());
        assertEquals("kind", SearchQuery.Is.HIGHLIGHT.field());
        assertEquals(app.marginalia.core.discussion.ThreadKind.HIGHLIGHT.term(), SearchQuery.Is.HIGHLIGHT.term());
        assertEquals("reply", SearchQuery.Is.REPLY.term());
    }
}
