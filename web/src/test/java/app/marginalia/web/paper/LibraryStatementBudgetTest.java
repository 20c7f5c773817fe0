package app.marginalia.web.paper;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.web.TestLibrary;
import app.marginalia.web.Visitor;
import app.marginalia.web.group.GroupFixture;
import app.marginalia.web.search.SearchIndexer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library page and a group page run the same number of SQL statements with a few papers in
 * the library as with hundreds more: nothing on them is loaded per paper of the library.
 */
@QuarkusTest
class LibraryStatementBudgetTest {

    @Inject
    SessionFactory sessions;

    @Inject
    SearchIndexer search;

    @AfterEach
    void removeAddedPapers() {
        TestLibrary.removeAddedPapers();
    }

    @Test
    void shouldRenderTheLibraryAndTheGroupPageInAFixedNumberOfStatements() {
        GroupFixture g = new GroupFixture();
        List<Long> few = ManyPapers.add("Budget", 10);
        // The page's papers carry notes new to the member, and some are on the group's list.
        for (Long id : few.subList(0, 3)) {
            g.owner.post("/groups/" + g.id + "/list", "paperId", String.valueOf(id)).then().statusCode(303);
        }
        note(few.get(0), g);
        note(few.get(1), g);
        List<String> pages = List.of("/papers", "/papers?sort=date", "/papers?q=budget", "/papers?q=budget&page=1",
                "/papers?group=" + g.id + "&q=budget", "/groups/" + g.id, "/groups/" + g.id + "?find=budget");
        Map<String, Long> small = statements(g.member, pages);

        ManyPapers.add("Budget", 290);
        Map<String, Long> large = statements(g.member, pages);
        assertEquals(small, large, "statements per page for 10 vs 300 papers");
        // The library: the session, the header's unread count, the page (with its count of matches when
        // filtered), the library's size, the page's lists, its new notes: 6; in "add to a group's list"
        // mode also the membership, the group and which of the page's papers it lists: 9. The group page: the session, membership,
        // list, votes, counts and new counts, members, activity, the picker, the unread count: 11.
        small.forEach((page, count) -> assertTrue(count <= (page.contains("group=") ? 9 : page.startsWith("/groups") ? 11 : 6),
                page + " ran " + count + " statements; all pages: " + small));
        String library = g.member.get("/papers?q=budget").asString();
        assertTrue(library.contains("1 new"), "the new notes are counted for the page's papers");
    }

    private Map<String, Long> statements(Visitor who, List<String> pages) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String page : pages) {
            who.get(page).then().statusCode(200);
            // The search index reads the outbox in the background (its poll): it waits while a page is measured.
            search.stop(true);
            try {
                sessions.getStatistics().clear();
                who.get(page).then().statusCode(200);
                counts.put(page, sessions.getStatistics().getPrepareStatementCount());
            } finally {
                search.start();
            }
        }
        return counts;
    }

    /** A note by the group's owner on the paper, new to the member. */
    private static void note(long paperId, GroupFixture g) {
        QuarkusTransaction.requiringNew().run(() -> {
            Annotation a = new Annotation();
            a.paper = Paper.findById(paperId);
            a.textVersion = 1;
            a.group = ReadingGroup.findById(Long.valueOf(g.id));
            a.author = Account.findByUsername(g.owner.username).orElseThrow();
            a.motivation = Motivation.COMMENTING;
            a.body = "A note";
            a.bodyHtml = "<p>A note</p>";
            a.tags = "";
            a.createdAt = Instant.now();
            a.updatedAt = a.createdAt;
            a.persist();
        });
    }
}
