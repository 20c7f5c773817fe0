package app.marginalia.web.search;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperText;
import app.marginalia.persistence.search.SearchIndex;
import app.marginalia.web.system.AfterCommit;
import app.marginalia.web.system.MarginaliaConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the search index in step with the database. Services say what changed; once the
 * transaction commits, one indexing thread reads the committed rows and updates the index,
 * so a rolled-back change never reaches it. Searches wait for the changes queued before them
 * (read your writes). At start-up, and whenever asked, the index is compared with the
 * database (schema version, counts, latest change) and rebuilt if it is missing or stale.
 */
@ApplicationScoped
public class SearchIndexer {

    /** Bumped when what the index stores changes: an older index is rebuilt. */
    static final String SCHEMA = "1";
    /** Notes with everything their document needs, in one statement; the caller adds the condition. */
    private static final String NOTES = "select a from Annotation a join fetch a.author join fetch a.paper "
            + "left join fetch a.group where ";
    private static final int BATCH = 2000;

    private final MarginaliaConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "marginalia-search-indexer");
        t.setDaemon(true);
        return t;
    });
    private SearchIndex index;
    private volatile boolean rebuilding;

    SearchIndexer(MarginaliaConfig config, TransactionSynchronizationRegistry transactions) {
        this.config = config;
        this.transactions = transactions;
    }

    synchronized SearchIndex index() {
        if (index == null) {
            Path folder = config.dataDir().resolve("search-index");
            index = SearchIndex.open(folder);
        }
        return index;
    }

    // ---- What changed ----

    /** A note or reply changed, was added or deleted: its whole thread is indexed again. */
    public void thread(long threadId, long annotationId) {
        later(() -> reindexThread(threadId, annotationId));
    }

    /** A paper was added or edited: the paper and all its notes (their paper title and quotes). */
    public void paper(long paperId) {
        later(() -> reindexPaper(paperId));
    }

    /** A group was renamed: its notes carry its name. */
    public void group(long groupId) {
        later(() -> reindexWhere("a.group.id = ?1", groupId));
    }

    /** A group was deleted with its notes. */
    public void groupDeleted(long groupId) {
        later(() -> {
            index().deleteGroup(groupId);
            index().refresh();
        });
    }

    /** Someone changed their display name: their notes carry it. */
    public void author(long accountId) {
        later(() -> reindexWhere("a.author.id = ?1", accountId));
    }

    /**
     * Waits until every change queued so far is searchable (at most five seconds). During a
     * rebuild searches do not wait: they answer from the index as it is.
     */
    public void awaitIndexed() {
        if (rebuilding) {
            return;
        }
        try {
            worker.submit(() -> { }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            Log.warn("Search index is behind; answering with what it has", e);
        }
    }

    private void later(Runnable work) {
        AfterCommit.run(transactions, () -> worker.submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // Never leave the index wrong: start again from the database.
                Log.error("Search indexing failed; rebuilding the index", e);
                worker.submit(this::rebuildNow);
            }
        }));
    }

    // ---- Start-up check and rebuild ----

    void onStart(@Observes @Priority(3000) StartupEvent event) {
        try {
            worker.submit(this::ensureFresh).get();
        } catch (Exception e) {
            Log.error("Could not check the search index", e);
        }
    }

    /** What the database holds, as the index records it after a rebuild or an update. */
    Map<String, String> facts() {
        return QuarkusTransaction.requiringNew().call(() -> Map.of(
                "schema", SCHEMA,
                // Which database: a restored or different one has other first rows.
                "origin", Paper.<Paper>find("order by id").firstResultOptional()
                        .map(p -> p.id + "@" + p.createdAt.toEpochMilli()).orElse("empty"),
                "papers", String.valueOf(Paper.count()),
                "notes", String.valueOf(Annotation.count("deleted = false"))));
    }

    /** Rebuilds the index when it is missing, of an older schema, or disagrees with the database. */
    boolean ensureFresh() {
        Map<String, String> facts = facts();
        SearchIndex idx = index();
        boolean fresh = SCHEMA.equals(idx.facts().get("schema"))
                && facts.get("origin").equals(idx.facts().get("origin"))
                && facts.get("papers").equals(String.valueOf(idx.count("paper")))
                && facts.get("notes").equals(String.valueOf(idx.count("note")));
        if (fresh) {
            return false;
        }
        Log.infof("Search index is missing or stale (index %s, database %s): rebuilding", idx.facts(), facts);
        rebuildNow();
        return true;
    }

    /** Rebuilds from the database, on the indexing thread; returns how many papers and notes. */
    public long[] rebuild() {
        try {
            return worker.submit(this::rebuildNow).get();
        } catch (Exception e) {
            throw new IllegalStateException("Rebuilding the search index failed", e);
        }
    }

    private long[] rebuildNow() {
        rebuilding = true;
        try {
            return rebuildAll();
        } finally {
            rebuilding = false;
        }
    }

    private long[] rebuildAll() {
        long started = System.nanoTime();
        SearchIndex idx = index();
        idx.clear();
        long papers = 0, notes = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<SearchIndex.PaperDoc> batch = QuarkusTransaction.requiringNew().call(() -> paperDocs(from));
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(idx::put);
            papers += batch.size();
            after = batch.get(batch.size() - 1).id();
        }
        after = 0;
        while (true) {
            long from = after;
            List<Annotation> batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Annotation> rows = Annotation.find(NOTES + "a.id > ?1 order by a.id", from).page(0, BATCH).list();
                put(idx, rows);
                return rows;
            });
            if (batch.isEmpty()) {
                break;
            }
            notes += batch.stream().filter(a -> !a.deleted).count();
            after = batch.get(batch.size() - 1).id;
        }
        idx.commit(facts());
        Log.infof("Search index rebuilt: %d papers, %d notes in %d ms", papers, notes,
                (System.nanoTime() - started) / 1_000_000);
        return new long[]{papers, notes};
    }

    // ---- Reading rows into documents ----

    private void reindexThread(long threadId, long annotationId) {
        SearchIndex idx = index();
        QuarkusTransaction.requiringNew().run(() -> {
            // The note may be gone (deleted without replies), or the whole thread with it.
            idx.deleteNote(annotationId);
            idx.deleteNote(threadId);
            put(idx, Annotation.find(NOTES + "a.id = ?1 or a.rootId = ?1", threadId).list());
        });
        commit(idx);
    }

    private void reindexPaper(long paperId) {
        SearchIndex idx = index();
        QuarkusTransaction.requiringNew().run(() -> {
            Paper paper = Paper.findById(paperId);
            if (paper == null) {
                idx.deletePaper(paperId);
                return;
            }
            idx.put(paperDoc(paper, PaperText.findVersion(paperId, paper.textVersion).map(t -> t.content).orElse("")));
        });
        reindexWhere("a.paper.id = ?1", paperId);
    }

    private void reindexWhere(String condition, long id) {
        SearchIndex idx = index();
        QuarkusTransaction.requiringNew().run(() -> {
            put(idx, Annotation.find(NOTES + condition, id).list());
        });
        commit(idx);
    }

    /** Commits a change; the facts (schema, database) stay those of the last rebuild or check. */
    private void commit(SearchIndex idx) {
        idx.commit(idx.facts());
    }

    /**
     * Indexes notes, or removes the deleted ones; a reply carries its thread's state, so the
     * roots not among the rows are read in one statement.
     */
    private static void put(SearchIndex idx, List<Annotation> rows) {
        Map<Long, Annotation> roots = new HashMap<>();
        rows.stream().filter(Annotation::isRoot).forEach(a -> roots.put(a.id, a));
        List<Long> missing = rows.stream().filter(a -> !a.isRoot() && !roots.containsKey(a.rootId)).map(a -> a.rootId)
                .distinct().toList();
        if (!missing.isEmpty()) {
            Annotation.<Annotation>list("id in ?1", missing).forEach(a -> roots.put(a.id, a));
        }
        for (Annotation a : rows) {
            if (a.deleted) {
                idx.deleteNote(a.id);
            } else {
                idx.put(doc(a, roots.getOrDefault(a.threadId(), a)));
            }
        }
    }

    private static List<SearchIndex.PaperDoc> paperDocs(long after) {
        List<Paper> papers = Paper.find("id > ?1 order by id", after).page(0, BATCH).list();
        if (papers.isEmpty()) {
            return List.of();
        }
        Map<Long, String> texts = new HashMap<>();
        PaperText.<PaperText>find("select t from PaperText t join t.paper p where p.id > ?1 and p.id <= ?2 "
                        + "and t.versionNo = p.textVersion", after, papers.get(papers.size() - 1).id).list()
                .forEach(t -> texts.put(t.paper.id, t.content));
        return papers.stream().map(p -> paperDoc(p, texts.getOrDefault(p.id, ""))).toList();
    }

    private static SearchIndex.PaperDoc paperDoc(Paper p, String text) {
        String all = p.abstractText != null && !text.contains(p.abstractText) ? p.abstractText + "\n\n" + text : text;
        return new SearchIndex.PaperDoc(p.id, p.title, String.join(", ", p.authorList()), all, p.updatedAt);
    }

    static SearchIndex.NoteDoc doc(Annotation a, Annotation root) {
        String kind = !a.isRoot() ? "reply" : switch (a.motivation) {
            case QUESTIONING -> "question";
            case HIGHLIGHTING -> "highlight";
            default -> "note";
        };
        String state = root.resolved ? "resolved"
                : root.motivation == Motivation.QUESTIONING ? (root.answerId != null ? "answered" : "open")
                : root.motivation == Motivation.COMMENTING ? "open" : "none";
        return new SearchIndex.NoteDoc(a.id, a.threadId(), a.paper.id, a.paper.title,
                a.group == null ? null : a.group.id, a.group == null ? null : a.group.name, a.author.id,
                a.author.displayName, a.author.username, kind, state, a.body, a.exact, a.tagList(),
                a.createdAt == null ? Instant.EPOCH : a.createdAt);
    }

    @PreDestroy
    void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (index != null) {
                index.close();
                index = null;
            }
        }
    }
}
