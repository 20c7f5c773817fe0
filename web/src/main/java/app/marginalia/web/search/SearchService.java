package app.marginalia.web.search;

import app.marginalia.core.discussion.MarkdownText;
import app.marginalia.core.discussion.ThreadState;
import app.marginalia.core.search.SearchQuery;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.search.SearchIndex;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One search box over the library and the discussions. Papers are public like the library;
 * notes are searched only among those the searcher could open: their groups' and their own
 * private ones, decided per search from their current memberships.
 */
@ApplicationScoped
public class SearchService {

    /** Results per page for papers and for notes; pages go up to {@value #MAX_PAGE}. */
    public static final int PAPERS_PER_PAGE = 10, NOTES_PER_PAGE = 20, MAX_PAGE = 50;

    /** A paper found; {@code titleHtml} and {@code snippetHtml} are escaped HTML with {@code <mark>}. */
    public record PaperHit(long id, String title, String titleHtml, String authors, String snippetHtml, String url) {
    }

    /** A note found, where it lives and who wrote it; snippets as for papers. */
    public record NoteHit(long id, String kind, String state, long paperId, String paperTitle, String group,
                          String author, String bodyHtml, String body, String quoteHtml, String quote, List<String> tags,
                          String url) {
    }

    /** The results page: the query as typed, both kinds of results with their totals, paging. */
    public record Results(String query, String is, String group, int page, long paperTotal, List<PaperHit> papers,
                          long noteTotal, List<NoteHit> notes, boolean morePapers, boolean moreNotes, boolean signedIn) {

        public boolean empty() {
            return papers.isEmpty() && notes.isEmpty();
        }

        public boolean groupIs(long id) {
            return String.valueOf(id).equals(group);
        }

        /** The addresses of the previous and next page of these results. */
        public String previousUrl() {
            return pageUrl(page - 1);
        }

        public String nextUrl() {
            return pageUrl(page + 1);
        }

        private String pageUrl(int to) {
            return "/search?q=" + encode(query) + "&is=" + encode(is) + "&group=" + encode(group) + "&page=" + to;
        }

        private static String encode(String value) {
            return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A choice of the kind filter: the {@code is:} value and its label. */
    public record Kind(String value, String label) {
    }

    /** Every {@code is:} value, kinds first, then thread states (as {@link ThreadState} names them). */
    public static final List<Kind> KINDS = List.of(
            new Kind(SearchQuery.Is.QUESTION.term(), "Questions"), new Kind(SearchQuery.Is.NOTE.term(), "Notes"),
            new Kind(SearchQuery.Is.HIGHLIGHT.term(), "Highlights"), new Kind(SearchQuery.Is.REPLY.term(), "Replies"),
            new Kind(SearchQuery.Is.OPEN.term(), "Open questions"),
            new Kind(SearchQuery.Is.ANSWERED.term(), ThreadState.ANSWERED.label()),
            new Kind(SearchQuery.Is.UNRESOLVED.term(), "Unresolved notes"),
            new Kind(SearchQuery.Is.RESOLVED.term(), ThreadState.RESOLVED.label()));

    private final SearchIndexer indexer;

    SearchService(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    /**
     * Searches for the text typed, narrowed by the form's kind ({@code is}) and group choices,
     * which are the same as typing {@code is:…} and {@code group:…}.
     */
    public Results search(String text, String is, String group, int page, Optional<SignedIn> user) {
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidFormException("page", "Pages go from 1 to " + MAX_PAGE + ".");
        }
        String typed = text == null ? "" : text.strip();
        StringBuilder effective = new StringBuilder(typed);
        if (is != null && !is.isBlank()) {
            effective.append(" is:").append(is.strip());
        }
        if (group != null && !group.isBlank()) {
            effective.append(" group:").append(group.strip());
        }
        SearchQuery query;
        try {
            query = SearchQuery.parse(effective.toString());
        } catch (SearchQuery.Invalid e) {
            throw new InvalidFormException("q", e.getMessage());
        }
        if (query.isEmpty()) {
            return new Results(typed, is, group, page, 0, List.of(), 0, List.of(), false, false, user.isPresent());
        }
        indexer.awaitIndexed();
        SearchIndex index = indexer.index();
        SearchIndex.Results papers = index.papers(query, (page - 1) * PAPERS_PER_PAGE, PAPERS_PER_PAGE);
        SearchIndex.Results notes = user.map(u -> index.notes(query, visibility(u), (page - 1) * NOTES_PER_PAGE,
                NOTES_PER_PAGE)).orElse(new SearchIndex.Results(0, List.of()));
        return new Results(typed, is, group, page, papers.total(), papers.hits().stream().map(SearchService::paper).toList(),
                notes.total(), notes.hits().stream().map(SearchService::note).toList(),
                papers.total() > (long) page * PAPERS_PER_PAGE, notes.total() > (long) page * NOTES_PER_PAGE,
                user.isPresent());
    }

    /** What a person may read: each group they belong to now, and their own private notes. */
    static Set<String> visibility(SignedIn user) {
        Set<String> keys = new java.util.HashSet<>();
        keys.add("u:" + user.id());
        Membership.groupIdsOf(user.id()).forEach(g -> keys.add("g:" + g));
        return keys;
    }

    private static PaperHit paper(SearchIndex.Hit h) {
        String text = h.snippets().get("text");
        return new PaperHit(h.id(), h.values().get("title"), h.snippets().get("title"), h.values().get("authors"),
                text, "/papers/" + h.id());
    }

    private static NoteHit note(SearchIndex.Hit h) {
        Long group = h.values().containsKey("groupid") ? Long.valueOf(h.values().get("groupid")) : null;
        String kind = h.values().get("kind");
        // Tags come back joined by new lines.
        List<String> tags = h.values().containsKey("tag") ? List.of(h.values().get("tag").split("\n")) : List.of();
        return new NoteHit(h.id(), kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1),
                h.values().get("state"), Long.parseLong(h.values().get("paperid")), h.values().get("paper"),
                group == null ? null : h.values().get("group"), h.values().get("authorname"), h.snippets().get("body"),
                MarkdownText.excerpt(h.values().get("body"), 240), h.snippets().get("quote"),
                MarkdownText.excerpt(h.values().get("quote"), 240), tags, "/annotations/" + h.id());
    }
}
