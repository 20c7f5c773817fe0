package app.marginalia.web.annotation;

import app.marginalia.web.search.SearchIndexer;
import app.marginalia.web.system.PageVersion;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader runs the same number of SQL statements for 10 annotations as for 1,000. */
@QuarkusTest
class StatementBudgetTest {

    @Inject
    SessionFactory sessions;

    @Inject
    SearchIndexer search;

    @Inject
    PageVersion pageVersion;

    @Test
    void shouldRenderTheReaderInAFixedNumberOfStatements() {
        Discussion small = new Discussion();
        Discussion large = new Discussion();
        SeededNotes.seed(small, 5, 5, 15, i -> "Note " + i);
        SeededNotes.seed(large, 500, 500, 15, i -> "Note " + i);

        long smallCount = statements(small);
        long largeCount = statements(large);
        assertEquals(smallCount, largeCount, "statements for 10 vs 1,000 annotations");
        // Session and paper (5), memberships, notes, reactions, the read marker, the group panel (membership,
        // entry, counts, new counts), the header's unread count: 15 at most, whatever the number of notes.
        // (Opening the page no longer writes the read marker: the page posts it once shown.)
        assertTrue(smallCount <= 15, "the reader page ran " + smallCount + " statements");
        String page = large.page(large.g.member);
        assertTrue(page.contains("id=\"annotation-"), "the annotations are on the page");
    }

    private long statements(Discussion d) {
        d.page(d.g.member);
        // The statistics count every thread's statements: the search index reads the outbox in the
        // background (its poll), so it waits while the page is measured.
        search.stop(true);
        try {
            // The notes were written straight into the database, not through a command: move the page
            // version as a change would, so the page is rendered, not the one kept since the first view.
            pageVersion.advance();
            sessions.getStatistics().clear();
            d.page(d.g.member);
            return sessions.getStatistics().getPrepareStatementCount();
        } finally {
            search.start();
        }
    }
}
