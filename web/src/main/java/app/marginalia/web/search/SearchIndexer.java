package app.marginalia.web.search;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.event.OutboxEntry;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.search.SearchIndex;
import app.marginalia.persistence.search.SearchRows;
import app.marginalia.web.event.OutboxCursor;
import app.marginalia.web.event.OutboxNotify;
import app.marginalia.web.event.PgListener;
import app.marginalia.web.system.MarginaliaConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Keeps this instance's search index in step with the database by applying the event outbox.
 * <p>
 * Every command appends its event to {@code event_outbox} in its own transaction. One indexing
 * thread per instance reads the committed rows after its position ({@link OutboxCursor}: a
 * watermark, the highest id applied and the holes between) and applies each event by reading
 * the committed rows it names (a thread, a paper and its notes, a group's notes, an author's
 * notes), which makes applying idempotent: twice, late or out of order gives the same index.
 * The watermark is stored in the Lucene commit with the documents, so a restart, even after
 * {@code kill -9}, reads on from there without a rebuild. A rebuild happens only when the index
 * is missing, of another schema or database, or when rows after its position were pruned.
 * <p>
 * The thread is woken after each local commit that emitted events, by PostgreSQL
 * {@code NOTIFY} from any instance ({@link OutboxNotify}), and by a poll as a safety net. A
 * search waits briefly for a pass that started after the last wake-up (read your writes), and
 * runs no statement when nothing woke the thread.
 */
@ApplicationScoped
public class SearchIndexer {

    /** Bumped when what the index stores changes: an older index is rebuilt. */
    static final String SCHEMA = "2";
    /** The commit-data key of the outbox watermark. */
    static final String WATERMARK = "outbox";
    /** A durable Lucene commit at most this often; searches see changes at once (near-real-time). */
    private static final long COMMIT_EVERY = TimeUnit.SECONDS.toNanos(1);
    private static final long PRUNE_EVERY = TimeUnit.HOURS.toNanos(1);
    /** Up to this many holes are read one range each; more are read as one range. */
    private static final int HOLE_QUERIES = 20;
    private static final int FAILURES_BEFORE_REOPEN = 3;

    private final MarginaliaConfig.Search settings;
    private final Path folder;
    private final AgroalDataSource dataSource;
    private final boolean postgres;

    /** Opened on first use; replaced only by {@link #stop} and a reopen after failures. */
    private volatile SearchIndex index;

    // ---- Wake-ups, guarded by `signals` ----
    private final Object signals = new Object();
    /** Wake-ups received. */
    private long wakes;
    /** {@link #wakes} when the last finished pass started: a search waits until it catches up. */
    private long passedWakes;
    private CompletableFuture<long[]> rebuildAsked;
    private boolean stopping;

    // ---- The indexing thread's own state ----
    private final Object lifecycle = new Object();
    private volatile Thread thread;
    private PgListener listener;
    private OutboxCursor cursor;
    private Map<String, String> facts = Map.of();
    private boolean dirty;
    private long lastCommit;
    private long nextPrune;
    private int failures;
    /** A rebuild started and did not finish: the index in memory is part cleared, part filled. */
    private boolean unfinishedRebuild;

    // ---- What tests and the health check read ----
    private final AtomicLong rebuilds = new AtomicLong();
    private volatile long caughtUp = -1;
    private volatile long watermark = -1;
    private volatile List<OutboxCursor.Hole> holes = List.of();
    private volatile boolean rebuilding;

    @Inject
    SearchIndexer(MarginaliaConfig config, AgroalDataSource dataSource, OutboxNotify notify) {
        this(config.search(), config.dataDir().resolve("search-index"), dataSource, notify.postgres());
    }

    /** An indexer of its own, as another instance would run it (tests of several instances). */
    SearchIndexer(MarginaliaConfig.Search settings, Path folder, AgroalDataSource dataSource, boolean postgres) {
        this.settings = settings;
        this.folder = folder;
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** The index, opened on first use. */
    SearchIndex index() {
        SearchIndex i = index;
        if (i != null) {
            return i;
        }
        synchronized (this) {
            if (index == null) {
                index = SearchIndex.open(folder);
            }
            return index;
        }
    }

    // ---- Life cycle ----

    void onStart(@Observes @Priority(3000) StartupEvent event) {
        start();
    }

    /**
     * Opens the index, catches up from the outbox (or rebuilds, if it must) before returning,
     * then starts the indexing thread and, on PostgreSQL, the listener.
     */
    public void start() {
        synchronized (lifecycle) {
            if (thread != null) {
                return;
            }
            synchronized (signals) {
                stopping = false;
                passedWakes = wakes;
            }
            nextPrune = System.nanoTime();
            try {
                startUp();
            } catch (RuntimeException e) {
                // The thread tries again on its first pass.
                Log.error("Could not check the search index at start; trying again shortly", e);
            }
            Thread t = new Thread(this::run, "marginalia-search-indexer");
            t.setDaemon(true);
            thread = t;
            t.start();
            if (postgres) {
                listener = new PgListener(dataSource, OutboxNotify.CHANNEL, "marginalia-search-listen",
                        payload -> wake(), this::wake);
            }
        }
    }

    /**
     * Stops the thread and closes the index: {@code durable} commits what was applied, as a
     * shutdown does; otherwise everything since the last commit is dropped, as {@code kill -9}
     * would leave it.
     */
    public void stop(boolean durable) {
        synchronized (lifecycle) {
            synchronized (signals) {
                stopping = true;
                signals.notifyAll();
            }
            if (listener != null) {
                listener.close();
                listener = null;
            }
            Thread t = thread;
            if (t != null) {
                try {
                    t.join(TimeUnit.SECONDS.toMillis(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                thread = null;
            }
            synchronized (this) {
                if (index != null) {
                    try {
                        if (durable) {
                            commit(true);
                            index.close();
                        } else {
                            index.abandon();
                        }
                    } catch (RuntimeException e) {
                        Log.warn("Could not close the search index cleanly", e);
                    }
                    index = null;
                }
            }
            cursor = null;
        }
    }

    /** Stops before the database goes away, committing what was applied. */
    void onStop(@Observes ShutdownEvent event) {
        stop(true);
    }

    @PreDestroy
    void close() {
        stop(true);
    }

    // ---- Wake-ups and read-your-writes ----

    /** A local transaction that emitted events committed: its rows are visible now. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DiscussionEvent event) {
        wake();
    }

    private void wake() {
        synchronized (signals) {
            wakes++;
            signals.notifyAll();
        }
    }

    /**
     * Before a search: if anything woke the indexing thread since the last pass it finished
     * started, waits (at most {@code marginalia.search.read-your-writes}) for a pass that starts
     * after now, so a member finds what they just saved. During a rebuild, or when nothing woke
     * the thread, answers at once without touching the database.
     */
    public void awaitIndexed() {
        if (rebuilding || thread == null) {
            return;
        }
        long deadline = System.nanoTime() + settings.readYourWrites().toNanos();
        synchronized (signals) {
            long asOf = wakes;
            while (passedWakes < asOf && !stopping) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    Log.debugf("Search index is behind after %s; answering with what it has", settings.readYourWrites());
                    return;
                }
                try {
                    signals.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    // ---- The indexing thread ----

    private void run() {
        long poll = settings.poll().toNanos();
        while (true) {
            long started;
            CompletableFuture<long[]> asked;
            synchronized (signals) {
                long deadline = System.nanoTime() + poll;
                while (!stopping && wakes == passedWakes && rebuildAsked == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        signals.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopping) {
                    return;
                }
                started = wakes;
                asked = rebuildAsked;
                rebuildAsked = null;
            }
            try {
                if (asked != null) {
                    asked.complete(rebuildNow("an administrator asked for it"));
                } else if (cursor == null || unfinishedRebuild) {
                    startUp();
                } else {
                    pass();
                }
                commit(false);
                failures = 0;
            } catch (RuntimeException e) {
                if (asked != null) {
                    asked.completeExceptionally(e);
                }
                failed(e);
            }
            synchronized (signals) {
                passedWakes = started;
                signals.notifyAll();
            }
            prune();
        }
    }

    /**
     * Nothing is lost by a failed pass: the cursor did not move, so the next one reads the same
     * rows again. After a few failures in a row the index is reopened and checked as at start.
     */
    private void failed(RuntimeException e) {
        failures++;
        Log.errorf(e, "Search indexing failed (%d in a row); the next pass tries again", failures);
        if (failures >= FAILURES_BEFORE_REOPEN) {
            synchronized (this) {
                try {
                    if (index != null) {
                        index.abandon();
                    }
                } catch (RuntimeException closing) {
                    Log.debug("Closing the failed index", closing);
                }
                index = null;
            }
            cursor = null;
            failures = 0;
        }
    }

    /** At start: catch up from the index's outbox position, or rebuild if the index cannot. */
    private void startUp() {
        SearchIndex idx = index();
        Map<String, String> stored = idx.facts();
        Database db = tx(() -> new Database(SearchRows.origin(), OutboxEntry.firstId().orElse(null), OutboxEntry.lastId()));
        String reason = unfinishedRebuild ? "the last rebuild did not finish" : staleness(stored, db);
        if (reason != null) {
            caughtUp = -1;
            rebuildNow(reason);
            return;
        }
        long from = Long.parseLong(stored.get(WATERMARK));
        facts = new HashMap<>(stored);
        cursor = new OutboxCursor(from);
        watermark = from;
        long applied = pass();
        caughtUp = applied;
        Log.infof("Search index: caught up %d events from the outbox (from position %d to %d), no rebuild",
                applied, from, cursor.watermark());
    }

    /** What the start-up check needs to know about the database. */
    private record Database(String origin, Long firstId, long lastId) {
    }

    /** Why the stored index cannot be caught up from the outbox, or null when it can. */
    static String staleness(Map<String, String> stored, String origin, Long firstId, long lastId) {
        return staleness(stored, new Database(origin, firstId, lastId));
    }

    private static String staleness(Map<String, String> stored, Database db) {
        if (!SCHEMA.equals(stored.get("schema"))) {
            return stored.get("schema") == null ? "there is no index yet"
                    : "the index has schema " + stored.get("schema") + " and this version writes " + SCHEMA;
        }
        if (stored.get("origin") == null) {
            return "the index does not say which database it was built from";
        }
        if (!db.origin().equals(stored.get("origin"))) {
            return "the index was built from another database (its first paper " + stored.get("origin")
                    + ", this database's " + db.origin() + ")";
        }
        long from;
        try {
            from = Long.parseLong(stored.getOrDefault(WATERMARK, ""));
        } catch (NumberFormatException e) {
            return "the index does not record its outbox position";
        }
        if (from > db.lastId()) {
            return "the index has applied outbox id " + from + " but this database's outbox ends at " + db.lastId()
                    + ": it belongs to another database";
        }
        if (db.firstId() != null && db.firstId() > from + 1) {
            return "outbox rows after the index's position " + from + " were pruned (the oldest left is "
                    + db.firstId() + ")";
        }
        return null;
    }

    /**
     * One pass: the rows that filled holes, then every row above the highest applied, applied in
     * batches; holes older than the grace period are given up. Returns how many events it applied.
     */
    private long pass() {
        SearchIndex idx = index();
        OutboxCursor next = cursor.copy();
        long now = System.nanoTime();
        long applied = 0;
        SearchDocuments.Changes changes = new SearchDocuments.Changes();
        List<OutboxCursor.Hole> waiting = next.holes();
        if (!waiting.isEmpty()) {
            List<OutboxEntry.Row> filled = jdbc(c -> {
                if (waiting.size() > HOLE_QUERIES) {
                    return OutboxEntry.between(c, waiting.get(0).start(), waiting.get(waiting.size() - 1).end());
                }
                List<OutboxEntry.Row> found = new java.util.ArrayList<>();
                for (OutboxCursor.Hole h : waiting) {
                    found.addAll(OutboxEntry.between(c, h.start(), h.end()));
                }
                return found;
            });
            for (OutboxEntry.Row row : filled) {
                if (next.accept(row.id(), now)) {
                    add(changes, row);
                }
            }
        }
        while (true) {
            long after = next.highest();
            List<OutboxEntry.Row> rows = jdbc(c -> OutboxEntry.after(c, after, SearchDocuments.BATCH));
            for (OutboxEntry.Row row : rows) {
                if (next.accept(row.id(), now)) {
                    add(changes, row);
                }
            }
            if (changes.events >= SearchDocuments.BATCH) {
                applied += apply(idx, changes);
                changes = new SearchDocuments.Changes();
            }
            if (rows.size() < SearchDocuments.BATCH) {
                break;
            }
        }
        applied += apply(idx, changes);
        long given = next.giveUp(System.nanoTime(), settings.outboxGrace().toNanos());
        if (given > 0) {
            Log.debugf("Search index: gave up %d outbox ids missing for %s (rolled-back transactions)", given,
                    settings.outboxGrace());
        }
        if (applied > 0 || next.watermark() != cursor.watermark()) {
            dirty = true;
        }
        if (applied > 0) {
            idx.refresh();
        }
        cursor = next;
        watermark = next.watermark();
        holes = next.holes();
        return applied;
    }

    private static void add(SearchDocuments.Changes changes, OutboxEntry.Row row) {
        row.event().ifPresentOrElse(changes::add, () -> {
            // Written by a newer version, or damaged: nothing this version can apply.
            Log.warnf("Search index: skipped outbox row %d of unknown type %s", row.id(), row.type());
            changes.events++;
        });
    }

    private static long apply(SearchIndex idx, SearchDocuments.Changes changes) {
        if (!changes.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> SearchDocuments.apply(idx, changes));
        }
        return changes.events;
    }

    /** A durable commit with the watermark, if something changed, at most once a second unless forced. */
    private void commit(boolean force) {
        SearchIndex idx = index;
        if (!dirty || cursor == null || idx == null || (!force && System.nanoTime() - lastCommit < COMMIT_EVERY)) {
            return;
        }
        Map<String, String> f = new HashMap<>(facts);
        if ("empty".equals(f.get("origin"))) {
            // The first paper names the database; until there is one, look again at each commit.
            f.put("origin", tx(SearchRows::origin));
            facts = Map.copyOf(f);
        }
        f.put(WATERMARK, String.valueOf(cursor.watermark()));
        idx.commit(f);
        lastCommit = System.nanoTime();
        dirty = false;
    }

    /** Deletes outbox rows past the retention, at the first pass and then hourly. */
    private void prune() {
        long now = System.nanoTime();
        if (cursor == null || now - nextPrune < 0) {
            return;
        }
        nextPrune = now + PRUNE_EVERY;
        try {
            long pruned = tx(() -> OutboxEntry.pruneBefore(Instant.now().minus(settings.outboxRetention())));
            if (pruned > 0) {
                Log.infof("Pruned %d outbox rows older than %s", pruned, settings.outboxRetention());
            }
        } catch (RuntimeException e) {
            // Another instance pruning at the same moment, or the database away: next hour.
            Log.warnf("Could not prune the outbox (%s)", e.getMessage());
        }
    }

    // ---- Rebuild ----

    /** Rebuilds from the database on the indexing thread; returns how many papers and notes. */
    public long[] rebuild() {
        CompletableFuture<long[]> done;
        synchronized (signals) {
            if (thread == null) {
                throw new IllegalStateException("The search indexer is not running");
            }
            if (rebuildAsked == null) {
                rebuildAsked = new CompletableFuture<>();
            }
            done = rebuildAsked;
            signals.notifyAll();
        }
        try {
            return done.get(30, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rebuilding the search index", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Rebuilding the search index failed", e);
        }
    }

    /**
     * Rebuilds from the tables. The position it records is the last outbox row older than the
     * grace period, not the newest: a transaction still open while the tables are read commits
     * later with an id above that position, so it is applied after the rebuild. The rows in
     * between are applied again, which is harmless.
     */
    private long[] rebuildNow(String reason) {
        Log.infof("Search index: rebuilding because %s", reason);
        rebuilding = true;
        try {
            long started = System.nanoTime();
            Instant startedAt = Instant.now();
            long from = tx(() -> OutboxEntry.lastIdBefore(startedAt.minus(settings.outboxGrace()))
                    .orElseGet(() -> OutboxEntry.firstId().map(first -> first - 1).orElse(0L)));
            SearchIndex idx = index();
            // Not committed until the end: a crashed process keeps its last consistent index and
            // position; this process remembers to start again if a batch fails.
            unfinishedRebuild = true;
            idx.clear();
            long papers = 0, notes = 0;
            long after = 0;
            while (true) {
                long afterId = after;
                Map<Paper, String> batch = tx(() -> SearchRows.papersAfter(afterId, SearchDocuments.BATCH));
                if (batch.isEmpty()) {
                    break;
                }
                for (Map.Entry<Paper, String> e : batch.entrySet()) {
                    idx.put(SearchDocuments.paperDoc(e.getKey(), e.getValue()));
                    after = e.getKey().id;
                }
                papers += batch.size();
            }
            after = 0;
            while (true) {
                long afterId = after;
                List<Annotation> batch = tx(() -> {
                    List<Annotation> rows = SearchRows.notesAfter(afterId, SearchDocuments.BATCH);
                    SearchDocuments.put(idx, rows);
                    return rows;
                });
                if (batch.isEmpty()) {
                    break;
                }
                notes += batch.stream().filter(a -> !a.deleted).count();
                after = batch.get(batch.size() - 1).id;
            }
            String origin = tx(SearchRows::origin);
            facts = Map.of("schema", SCHEMA, "origin", origin, "papers", String.valueOf(papers),
                    "notes", String.valueOf(notes), "rebuilt", startedAt.toString());
            cursor = new OutboxCursor(from);
            dirty = true;
            commit(true);
            unfinishedRebuild = false;
            rebuilds.incrementAndGet();
            Log.infof("Search index rebuilt: %d papers, %d notes in %d ms; reading the outbox from %d", papers, notes,
                    (System.nanoTime() - started) / 1_000_000, from);
            pass();
            return new long[]{papers, notes};
        } finally {
            rebuilding = false;
        }
    }

    // ---- What tests and the health check read ----

    /** How many times this instance rebuilt the index since it started. */
    public long rebuilds() {
        return rebuilds.get();
    }

    /** How many events the last start caught up from the outbox; -1 when it rebuilt instead. */
    public long caughtUp() {
        return caughtUp;
    }

    /** Every outbox id up to this one is applied (or given up); -1 before the first pass. */
    public long watermark() {
        return watermark;
    }

    /** The outbox ids below the highest applied that are still waited for. */
    public List<OutboxCursor.Hole> holes() {
        return holes;
    }

    /** Whether this outbox id is among those waited for. */
    public boolean waitingFor(long id) {
        return holes.stream().anyMatch(h -> h.start() <= id && id <= h.end());
    }

    /** Reads through a connection of its own, outside any transaction (committed rows only). */
    private interface JdbcWork<T> {
        T run(java.sql.Connection connection) throws java.sql.SQLException;
    }

    private <T> T jdbc(JdbcWork<T> work) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not read the event outbox", e);
        }
    }

    private static <T> T tx(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
