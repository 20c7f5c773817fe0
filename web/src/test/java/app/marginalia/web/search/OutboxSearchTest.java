package app.marginalia.web.search;

import app.marginalia.core.annotation.Markdown;
import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.search.SearchQuery;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.event.OutboxEntry;
import app.marginalia.web.Visitor;
import app.marginalia.web.annotation.Discussion;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.system.MarginaliaConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index follows the event outbox: a member finds what they saved as soon as the save
 * answered; a restart catches up from the position kept in the index, with no rebuild; a row
 * that commits after a later one is still applied; rows pruned after the index's position force
 * a rebuild; on PostgreSQL another instance's index is woken by NOTIFY. Runs on H2 and, with
 * {@code -Dquarkus.test.profile=test,pg}, on PostgreSQL.
 */
@QuarkusTest
class OutboxSearchTest {

    @Inject
    SearchIndexer indexer;

    @Inject
    DiscussionEvents events;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MarginaliaConfig config;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private static List<Long> noteIds(Visitor who, String q) {
        return who.request().queryParam("q", q).get("/api/search").then().statusCode(200).extract().jsonPath()
                .getList("notes.id", Long.class);
    }

    /** A word no other test writes. */
    private static String unique(String stem) {
        return stem + Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("[0-9]", "x");
    }

    @Test
    void shouldFindANoteRightAfterTheApiAnsweredForIt() {
        Discussion d = new Discussion();
        for (int i = 0; i < 10; i++) {
            String word = unique("ibis");
            long id = d.create(d.g.member, d.passage(i, i + 5, "COMMENTING", "About the " + word));
            assertEquals(List.of(id), noteIds(d.g.owner, word), "round " + i + ": found by another member at once");
            String edited = unique("heron");
            d.g.member.json("PUT", "/api/annotations/" + id, Map.of("body", "Now " + edited, "version", 0L))
                    .then().statusCode(200);
            assertEquals(List.of(id), noteIds(d.g.member, edited), "round " + i + ": the edit, at once");
            assertEquals(List.of(), noteIds(d.g.member, word));
        }
    }

    @Test
    void shouldCatchUpAfterARestartWithoutRebuilding() {
        Discussion d = new Discussion();
        String kept = unique("marmot"), gone = unique("lemming"), renamed = unique("stoat");
        long edited = d.create(d.g.owner, d.passage(0, 10, "COMMENTING", "Before the " + kept));
        long deleted = d.create(d.g.owner, d.passage(12, 20, "COMMENTING", "Soon " + gone));
        assertEquals(List.of(deleted), noteIds(d.g.member, gone));
        long rebuilds = indexer.rebuilds();

        // As kill -9 leaves it: whatever the index had not committed is lost with the process.
        indexer.stop(false);
        long added;
        try {
            added = d.create(d.g.member, d.passage(22, 30, "QUESTIONING", "While it was down: " + kept + "?"));
            d.g.owner.json("PUT", "/api/annotations/" + edited, Map.of("body", "After the " + renamed, "version", 0L))
                    .then().statusCode(200);
            d.g.owner.json("DELETE", "/api/annotations/" + deleted, null).then().statusCode(204);
        } finally {
            indexer.start();
        }

        assertEquals(rebuilds, indexer.rebuilds(), "caught up, not rebuilt");
        assertTrue(indexer.caughtUp() >= 3, "applied at least the three events: " + indexer.caughtUp());
        assertEquals(List.of(added), noteIds(d.g.member, kept), "the new question; the edited note no longer says it");
        assertEquals(List.of(edited), noteIds(d.g.member, renamed));
        assertEquals(List.of(), noteIds(d.g.member, gone), "the deleted note is gone");
        assertEquals(List.of(added), noteIds(d.g.member, kept + " is:open"), "with its thread state");
        // What a script sees of it (the crash test checks "no rebuild" this way).
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'search' }.data.rebuilds", equalTo((int) rebuilds))
                .body("checks.find { it.name == 'search' }.data.caughtUp", greaterThanOrEqualTo(3));
    }

    @Test
    void shouldApplyARowWhoseTransactionCommitsAfterALaterOne() throws Exception {
        Discussion d = new Discussion();
        long slow = d.create(d.g.owner, d.passage(0, 10, "COMMENTING", "first"));
        long fast = d.create(d.g.owner, d.passage(12, 20, "COMMENTING", "second"));
        long paperId = Long.parseLong(d.paperId), groupId = Long.parseLong(d.g.id);
        String slowWord = unique("tortoise"), fastWord = unique("hare");
        CountDownLatch inserted = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicLong slowRow = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // Takes its outbox id first, commits last.
        Thread held = new Thread(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    rewrite(slow, "The " + slowWord);
                    events.emit(new DiscussionEvent.NoteEdited(slow, slow, paperId, groupId, null));
                    slowRow.set(OutboxEntry.lastId());
                    inserted.countDown();
                    try {
                        assertTrue(release.await(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
            } catch (Throwable t) {
                failure.set(t);
                inserted.countDown();
            }
        });
        held.start();
        assertTrue(inserted.await(30, TimeUnit.SECONDS));
        long fastRow = QuarkusTransaction.requiringNew().call(() -> {
            rewrite(fast, "The " + fastWord);
            events.emit(new DiscussionEvent.NoteEdited(fast, fast, paperId, groupId, null));
            return OutboxEntry.lastId();
        });
        assertTrue(slowRow.get() < fastRow, "the held transaction took the smaller id: " + slowRow + " < " + fastRow);

        assertEquals(List.of(fast), noteIds(d.g.member, fastWord), "the later row is applied at once");
        assertEquals(List.of(), noteIds(d.g.member, slowWord), "the earlier one has not committed");
        assertTrue(indexer.watermark() < slowRow.get(), "the watermark waits below the hole: " + indexer.watermark());
        assertTrue(indexer.waitingFor(slowRow.get()), "its id is waited for: " + indexer.holes());

        release.countDown();
        held.join(30_000);
        assertNull(failure.get());
        assertEquals(List.of(slow), noteIds(d.g.member, slowWord), "applied once it committed, at once");
        assertTrue(!indexer.waitingFor(slowRow.get()), "no longer waited for: " + indexer.holes());
        assertTrue(indexer.watermark() >= fastRow || !indexer.holes().isEmpty(),
                "the watermark moved past both, unless an older transaction's id is still waited for");
    }

    private static void rewrite(long id, String body) {
        Annotation a = Annotation.findById(id);
        a.body = body;
        a.bodyHtml = Markdown.toSafeHtml(body);
        a.updatedAt = Instant.now();
    }

    @Test
    void shouldRebuildWhenRowsAfterItsPositionWerePruned() {
        Discussion d = new Discussion();
        String word = unique("dormouse");
        long rebuilds = indexer.rebuilds();
        indexer.stop(true);
        long id;
        try {
            id = d.create(d.g.owner, d.passage(0, 10, "COMMENTING", "A " + word));
            d.create(d.g.owner, d.passage(12, 20, "COMMENTING", "And one more"));
            // Pruning keeps the newest row: the rows after the index's position are gone, and it shows.
            long pruned = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.pruneBefore(Instant.now().plusSeconds(1)));
            assertTrue(pruned >= 1);
            assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count()), "only the newest row is left");
        } finally {
            indexer.start();
        }
        assertEquals(rebuilds + 1, indexer.rebuilds(), "the gap is found and the index rebuilt");
        assertEquals(-1, indexer.caughtUp());
        assertEquals(List.of(id), noteIds(d.g.member, word));
    }

    /**
     * Two instances on one PostgreSQL database: a second indexer with its own index, which no
     * in-process event reaches and whose poll is an hour, finds a note saved through this
     * instance within two seconds: NOTIFY woke it.
     */
    @Test
    void shouldWakeAnotherInstanceThroughNotify() throws Exception {
        if (!"postgresql".equals(dbKind)) {
            assertTrue(!"required".equals(System.getenv("MARGINALIA_PG_TESTS")), "the PostgreSQL suite runs on H2");
            Assumptions.abort("Needs the PostgreSQL test profile: ./mvnw verify -Dquarkus.test.profile=test,pg");
        }
        Discussion d = new Discussion();
        Path folder = config.dataDir().resolve("search-index-other-instance");
        deleteTree(folder);
        MarginaliaConfig.Search settings = new Settings(Duration.ofSeconds(60), Duration.ofDays(7), Duration.ofHours(1),
                Duration.ofSeconds(2));
        SearchIndexer other = new SearchIndexer(settings, folder, dataSource, true);
        other.start();
        try {
            for (int i = 0; i < 100 && other.watermark() < 0; i++) {
                Thread.sleep(20);
            }
            Thread.sleep(500); // the listener connects
            String word = unique("capybara");
            long id = d.create(d.g.member, d.passage(0, 10, "COMMENTING", "A " + word));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            List<Long> found = List.of();
            while (found.isEmpty() && System.nanoTime() < until) {
                found = other.index().notes(SearchQuery.parse(word), Set.of("g:" + d.g.id), 0, 10).hits().stream()
                        .map(h -> h.id()).toList();
                Thread.sleep(20);
            }
            assertEquals(List.of(id), found, "the other instance found it within 2 s");
        } finally {
            other.stop(true);
            deleteTree(folder);
        }
    }

    private record Settings(Duration outboxGrace, Duration outboxRetention, Duration poll, Duration readYourWrites)
            implements MarginaliaConfig.Search {
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
