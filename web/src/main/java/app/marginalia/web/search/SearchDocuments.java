package app.marginalia.web.search;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.discussion.ThreadKind;
import app.marginalia.core.discussion.ThreadState;
import app.marginalia.core.search.SearchQuery;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.search.SearchIndex;
import app.marginalia.persistence.search.SearchRows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the index must do for a set of events, and doing it: every change is "make the index
 * agree with the committed rows of this thread, paper, group or author", read afresh, so
 * applying an event twice, late or out of order leaves the same index. Runs on the indexing
 * thread, inside a transaction.
 */
final class SearchDocuments {

    /** Rows per statement when reading many threads, and per rebuild batch. */
    static final int BATCH = 500;

    private SearchDocuments() {
    }

    /** The work a run of events asks for, with repeats folded (ten edits of a thread: one reindex). */
    static final class Changes {
        /** Thread id → notes whose documents go first (a hard-deleted note is no longer among the rows). */
        final Map<Long, Set<Long>> threads = new LinkedHashMap<>();
        final Set<Long> papers = new LinkedHashSet<>();
        final Set<Long> groups = new LinkedHashSet<>();
        final Set<Long> deletedGroups = new LinkedHashSet<>();
        final Set<Long> authors = new LinkedHashSet<>();
        int events;

        void add(DiscussionEvent event) {
            events++;
            if (event instanceof DiscussionEvent.NoteEvent n) {
                threads.computeIfAbsent(n.threadId(), t -> new HashSet<>()).add(n.noteId());
            } else if (event instanceof DiscussionEvent.PaperChanged p) {
                papers.add(p.paperId());
            } else if (event instanceof DiscussionEvent.GroupChanged g && g.groupId() != null) {
                if (g.change() == DiscussionEvent.GroupChange.DELETED) {
                    deletedGroups.add(g.groupId());
                } else if (g.change() == DiscussionEvent.GroupChange.EDITED) {
                    groups.add(g.groupId()); // a new name: the group's notes carry it
                }
            } else if (event instanceof DiscussionEvent.AccountChanged a && a.renamed()) {
                authors.add(a.accountId());
            }
            // Memberships are read per search; reading lists, conclusions, invitations and other
            // account changes are not in the index.
        }

        boolean isEmpty() {
            return threads.isEmpty() && papers.isEmpty() && groups.isEmpty() && deletedGroups.isEmpty()
                    && authors.isEmpty();
        }
    }

    /** Applies the changes to the index (not yet committed); the caller holds a transaction. */
    static void apply(SearchIndex idx, Changes changes) {
        changes.deletedGroups.forEach(idx::deleteGroup);
        List<Long> threadIds = new ArrayList<>(changes.threads.keySet());
        for (int i = 0; i < threadIds.size(); i += BATCH) {
            List<Long> some = threadIds.subList(i, Math.min(threadIds.size(), i + BATCH));
            for (Long thread : some) {
                // The note may be gone (deleted without replies), or the whole thread with it.
                idx.deleteNote(thread);
                changes.threads.get(thread).forEach(idx::deleteNote);
            }
            put(idx, SearchRows.threads(some));
        }
        for (long paperId : changes.papers) {
            Paper paper = Paper.findById(paperId);
            if (paper == null) {
                idx.deletePaper(paperId);
            } else {
                idx.put(paperDoc(paper, SearchRows.currentText(paper)));
            }
            // Notes carry their paper's title.
            put(idx, SearchRows.ofPaper(paperId));
        }
        changes.groups.forEach(g -> put(idx, SearchRows.ofGroup(g)));
        changes.authors.forEach(a -> put(idx, SearchRows.byAuthor(a)));
    }

    /**
     * Indexes notes, or removes the deleted ones. A note's kind and state are its thread's, so the
     * roots not among the rows, and which threads have replies, are read in one statement each.
     */
    static void put(SearchIndex idx, List<Annotation> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, Annotation> roots = new HashMap<>();
        rows.stream().filter(Annotation::isRoot).forEach(a -> roots.put(a.id, a));
        List<Long> missing = rows.stream().filter(a -> !a.isRoot() && !roots.containsKey(a.rootId)).map(a -> a.rootId)
                .distinct().toList();
        if (!missing.isEmpty()) {
            SearchRows.roots(missing).forEach(a -> roots.put(a.id, a));
        }
        Set<Long> replied = SearchRows.threadsWithReplies(roots.keySet());
        for (Annotation a : rows) {
            Annotation root = roots.get(a.threadId());
            if (a.deleted || root == null) {
                idx.deleteNote(a.id);
            } else {
                idx.put(doc(a, root, replied.contains(root.id)));
            }
        }
    }

    /**
     * A note's document. Its kind is its thread's ({@link ThreadKind}, from the root) or "reply";
     * its state is the thread's {@link ThreadState}, decided there and nowhere else.
     */
    static SearchIndex.NoteDoc doc(Annotation a, Annotation root, boolean threadHasReplies) {
        app.marginalia.core.discussion.Thread thread = root.thread(threadHasReplies);
        ThreadKind kind = thread.kind();
        ThreadState state = thread.state();
        return new SearchIndex.NoteDoc(a.id, a.threadId(), a.paper.id, a.paper.title,
                a.group == null ? null : a.group.id, a.group == null ? null : a.group.name, a.author.id,
                a.author.displayName, a.author.username, a.isRoot() ? kind.term() : SearchQuery.REPLY_KIND,
                state.term(), a.body, a.exact, a.tagList(), a.createdAt == null ? Instant.EPOCH : a.createdAt);
    }

    static SearchIndex.PaperDoc paperDoc(Paper p, String text) {
        String all = p.abstractText != null && !text.contains(p.abstractText) ? p.abstractText + "\n\n" + text : text;
        return new SearchIndex.PaperDoc(p.id, p.title, String.join(", ", p.authorList()), all, p.updatedAt);
    }
}
