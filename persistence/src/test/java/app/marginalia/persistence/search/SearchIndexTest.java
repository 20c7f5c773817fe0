package app.marginalia.persistence.search;

import app.marginalia.core.search.SearchQuery;
import app.marginalia.persistence.search.SearchIndex.NoteDoc;
import app.marginalia.persistence.search.SearchIndex.PaperDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchIndexTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
    private SearchIndex index;

    @BeforeEach
    void fill() {
        index = SearchIndex.inMemory();
        index.put(new PaperDoc(1, "In-context Learning and Induction Heads", "Catherine Olsson, Nelson Elhage",
                "Induction heads may be the mechanism for the majority of in-context learning.", T));
        index.put(new PaperDoc(2, "Sycophancy to Subterfuge: Investigating Reward-Tampering", "Carson Denison",
                "Specification gaming and reward tampering in large language models.", T));
        index.put(new PaperDoc(3, "Attention Is All You Need", "Ashish Vaswani", "The Transformer, based solely on "
                + "attention mechanisms. Schrödinger had nothing to do with it.", T));
        index.put(note(10, 10, 2L, "Lab", 7, "Someone asked: is reward tampering <b>real</b>?", "reward tampering",
                "question", "open", List.of("open-question")));
        index.put(note(11, 10, 2L, "Lab", 8, "Yes, see section 4.", null, "reply", "open", List.of()));
        index.put(note(12, 12, 3L, "Other club", 9, "Reward models again", "reward", "note", "none", List.of()));
        index.put(note(13, 13, null, null, 7, "My private thought on reward hacking", null, "note", "none", List.of()));
        index.put(note(14, 14, 2L, "Lab", 8, "Answered question about induction", "induction heads", "question",
                "answered", List.of("Mechanism")));
        index.commit(Map.of("schema", "1"));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static NoteDoc note(long id, long thread, Long group, String groupName, long author, String body, String quote,
                                String kind, String state, List<String> tags) {
        return new NoteDoc(id, thread, 1, "In-context Learning and Induction Heads", group, groupName, author,
                "Person " + author, "person" + author, kind, state, body, quote, tags, T.plusSeconds(id));
    }

    private List<Long> papers(String q) {
        return index.papers(SearchQuery.parse(q), 0, 10).hits().stream().map(SearchIndex.Hit::id).toList();
    }

    private List<Long> notes(String q, Set<String> vis) {
        return index.notes(SearchQuery.parse(q), vis, 0, 10).hits().stream().map(SearchIndex.Hit::id).toList();
    }

    @Test
    void shouldFindPapersByTitleAuthorsAndTextRankingTitleMatchesFirst() {
        assertEquals(List.of(1L), papers("induction heads"));
        assertEquals(List.of(2L), papers("denison"));
        assertEquals(Set.of(1L, 3L), Set.copyOf(papers("mechanism")), "mechanism, and mechanisms by prefix");
        assertEquals(List.of(2L), papers("\"reward tampering\""));
        assertEquals(List.of(3L), papers("schrodinger"), "accents folded");
        assertEquals(List.of(1L), papers("induc"), "prefix");
        assertEquals(List.of(1L), papers("inducton"), "a typo");
        assertEquals(List.of(2L), papers("reward -attention"));
        assertEquals(List.of(), papers("reward -tampering"));
        assertEquals(List.of(), papers("is:question reward"), "note filters leave papers out");
        assertEquals(List.of(), papers("!! ..."), "punctuation alone finds nothing, not everything");
        assertEquals(List.of(), papers("-"));
        assertEquals(List.of(), papers("xqzt ".repeat(30).strip()), "thirty unknown words: no typo explosion");
    }

    @Test
    void shouldCountExactlyBeyondAThousandResults() {
        for (long id = 100; id < 1300; id++) {
            index.put(new PaperDoc(id, "Common title " + id, "", "common words", T));
        }
        index.refresh();
        assertEquals(1200, index.papers(SearchQuery.parse("common"), 0, 10).total());
    }

    @Test
    void shouldOnlyEverReturnNotesTheSearcherMaySee() {
        Set<String> lab = Set.of("g:2", "u:7");
        assertEquals(Set.of(10L, 13L), Set.copyOf(notes("reward", lab)));
        assertEquals(Set.of(12L), Set.copyOf(notes("reward", Set.of("g:3", "u:9"))));
        assertEquals(0, index.notes(SearchQuery.parse("reward"), Set.of("g:2"), 0, 10).hits().stream()
                .filter(h -> h.id() == 13L).count(), "someone else's private note");
        assertEquals(3, index.notes(SearchQuery.parse("reward"), Set.of("g:2", "g:3", "u:7"), 0, 10).total());
        assertEquals(List.of(), notes("reward", Set.of()));
    }

    @Test
    void shouldApplyFiltersAndSortFiltersOnlyQueriesByRecency() {
        Set<String> all = Set.of("g:2", "g:3", "u:7");
        assertEquals(List.of(10L), notes("tag:open-question", all));
        assertEquals(List.of(14L), notes("tag:mechanism", all), "tags match in any case");
        assertEquals(List.of(14L, 11L), notes("by:person8", all));
        assertEquals(List.of(14L, 11L), notes("by:\"Person 8\"", all));
        assertEquals(List.of(12L), notes("group:\"Other club\"", all));
        assertEquals(List.of(14L, 10L), notes("is:question", all));
        assertEquals(List.of(11L, 10L), notes("is:open", all), "newest first, replies carry the thread's state");
        assertEquals(List.of(14L), notes("is:answered induction", all));
        assertEquals(Set.of(10L, 12L, 13L), Set.copyOf(notes("reward paper:induction", all)));
        assertEquals(List.of(), notes("reward paper:attention", all));
    }

    @Test
    void shouldLeaveOutExactlyWhatEachFilterKeeps() {
        Set<String> all = Set.of("g:2", "g:3", "u:7");
        Set<Long> every = Set.copyOf(notes("-is:highlight", all));
        assertEquals(Set.of(10L, 11L, 12L, 13L, 14L), every, "no highlights in the fixture: every note");
        for (String filter : List.of("tag:open-question", "by:person8", "by:\"Person 8\"", "group:\"Other club\"",
                "group:2", "is:question", "is:open", "is:reply", "paper:induction", "paper:attention")) {
            Set<Long> kept = Set.copyOf(notes(filter, all));
            Set<Long> left = Set.copyOf(notes("-" + filter, all));
            assertTrue(kept.stream().noneMatch(left::contains), filter + ": nothing both kept and left out");
            Set<Long> union = new java.util.HashSet<>(kept);
            union.addAll(left);
            assertEquals(every, union, filter + ": together, everything");
        }
        assertEquals(Set.of(12L, 13L), Set.copyOf(notes("reward -group:2", all)));
        assertEquals(List.of(2L), papers("reward -paper:attention"));
        assertEquals(List.of(), papers("reward -paper:sycophancy"));
        assertEquals(List.of(), papers("reward -tag:method"), "a note filter, negated too, leaves papers out");
    }

    @Test
    void shouldHighlightMatchesInEscapedSnippets() {
        SearchIndex.Hit hit = index.notes(SearchQuery.parse("real"), Set.of("g:2"), 0, 10).hits().get(0);
        String body = hit.snippets().get("body");
        assertTrue(body.contains("&lt;b&gt;<mark>real</mark>&lt;&#x2F;b&gt;") || body.contains("&lt;b&gt;<mark>real</mark>&lt;/b&gt;"),
                body);
        assertFalse(body.contains("<b>"));
        SearchIndex.Hit paper = index.papers(SearchQuery.parse("induction"), 0, 10).hits().get(0);
        assertEquals("In-context Learning and <mark>Induction</mark> Heads", paper.snippets().get("title"));
        assertEquals("In-context Learning and Induction Heads", paper.values().get("title"));
    }

    @Test
    void shouldReplaceDeleteAndRemoveAGroupsNotes() {
        index.put(note(10, 10, 2L, "Lab", 7, "Rewritten entirely", null, "question", "resolved", List.of()));
        index.deleteNote(11);
        index.deleteGroup(3);
        index.refresh();
        Set<String> all = Set.of("g:2", "g:3", "u:7");
        assertEquals(List.of(13L), notes("reward", all));
        assertEquals(List.of(10L), notes("rewritten", all));
        assertEquals(3, index.count("note"));
        assertEquals("1", index.facts().get("schema"));
    }
}
