package app.marginalia.web.annotation;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.ReactionKind;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.annotation.Reaction;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.web.search.SearchIndexer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader runs the same number of SQL statements for 10 annotations as for 1,000. */
@QuarkusTest
class StatementBudgetTest {

    @Inject
    SessionFactory sessions;

    @Inject
    SearchIndexer search;

    @Test
    void shouldRenderTheReaderInAFixedNumberOfStatements() {
        Discussion small = new Discussion();
        Discussion large = new Discussion();
        seed(small, 10);
        seed(large, 1000);

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
            sessions.getStatistics().clear();
            d.page(d.g.member);
            return sessions.getStatistics().getPrepareStatementCount();
        } finally {
            search.start();
        }
    }

    /** Notes by several people, half with a reply, some with reactions: every kind the page shows. */
    private static void seed(Discussion d, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            Paper paper = Paper.findById(Long.valueOf(d.paperId));
            ReadingGroup group = ReadingGroup.findById(Long.valueOf(d.g.id));
            Account[] authors = {Account.findByUsername(d.g.owner.username).orElseThrow(),
                    Account.findByUsername(d.g.member.username).orElseThrow(),
                    Account.findByUsername(d.g.moderator.username).orElseThrow()};
            int length = d.text.codePointCount(0, d.text.length());
            for (int i = 0; i < count; i++) {
                Annotation a = annotation(paper, group, authors[i % 3], Motivation.COMMENTING, "Note " + i);
                boolean reply = i % 2 == 1;
                if (!reply) {
                    a.start = i % (length - 20);
                    a.end = a.start + 15;
                    a.exact = d.text.substring(a.start, a.end);
                    a.prefix = "";
                    a.suffix = "";
                } else {
                    Annotation parent = Annotation.find("paper.id = ?1 and rootId is null order by id desc", paper.id)
                            .firstResult();
                    a.motivation = Motivation.REPLYING;
                    a.rootId = parent.id;
                    a.parentId = parent.id;
                    a.ancestors = "/" + parent.id + "/";
                }
                a.persist();
                if (i % 5 == 0) {
                    Reaction r = new Reaction();
                    r.annotationId = a.id;
                    r.accountId = authors[(i + 1) % 3].id;
                    r.kind = ReactionKind.AGREE;
                    r.createdAt = Instant.now();
                    r.persist();
                }
            }
        });
    }

    private static Annotation annotation(Paper paper, ReadingGroup group, Account author, Motivation motivation,
                                         String body) {
        Annotation a = new Annotation();
        a.paper = paper;
        a.textVersion = paper.textVersion;
        a.group = group;
        a.author = author;
        a.motivation = motivation;
        a.body = body;
        a.bodyHtml = "<p>" + body + "</p>";
        a.tags = "";
        a.createdAt = Instant.now();
        a.updatedAt = a.createdAt;
        return a;
    }
}
