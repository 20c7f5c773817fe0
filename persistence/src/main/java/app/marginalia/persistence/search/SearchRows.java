package app.marginalia.persistence.search;

import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows the search index is made from, read in as few statements as possible: notes with
 * their author, paper and group; the thread facts a note's kind and state need; papers with
 * their current text. Callers run inside a transaction.
 */
public final class SearchRows {

    /** Notes with everything their document needs, in one statement; the caller adds the condition. */
    private static final String NOTES = "select a from Annotation a join fetch a.author join fetch a.paper "
            + "left join fetch a.group where ";

    private static final int IN_LIST = 1000;

    private SearchRows() {
    }

    /** Up to {@code limit} notes with ids above {@code afterId}, in id order: a rebuild's batch. */
    public static List<Annotation> notesAfter(long afterId, int limit) {
        return Annotation.<Annotation>find(NOTES + "a.id > ?1 order by a.id", afterId).page(0, limit).list();
    }

    /** Every note of these threads, roots and replies. */
    public static List<Annotation> threads(Collection<Long> threadIds) {
        return Annotation.<Annotation>find(NOTES + "a.id in ?1 or a.rootId in ?1", threadIds).list();
    }

    public static List<Annotation> ofPaper(long paperId) {
        return Annotation.<Annotation>find(NOTES + "a.paper.id = ?1", paperId).list();
    }

    public static List<Annotation> ofGroup(long groupId) {
        return Annotation.<Annotation>find(NOTES + "a.group.id = ?1", groupId).list();
    }

    public static List<Annotation> byAuthor(long accountId) {
        return Annotation.<Annotation>find(NOTES + "a.author.id = ?1", accountId).list();
    }

    /** Thread roots by id (a reply's document carries its thread's kind and state). */
    public static List<Annotation> roots(Collection<Long> ids) {
        List<Annotation> roots = new ArrayList<>();
        for (List<Long> some : chunks(ids)) {
            roots.addAll(Annotation.list("id in ?1", some));
        }
        return roots;
    }

    /** Which of these threads have a reply that is not deleted: a highlight with one is a discussion. */
    public static Set<Long> threadsWithReplies(Collection<Long> rootIds) {
        Set<Long> replied = new HashSet<>();
        for (List<Long> some : chunks(rootIds)) {
            replied.addAll(Annotation.getEntityManager().createQuery("select distinct a.rootId from Annotation a "
                    + "where a.rootId in :roots and a.deleted = false", Long.class).setParameter("roots", some)
                    .getResultList());
        }
        return replied;
    }

    /** Ids in lists short enough for one IN clause on any database (PostgreSQL takes at most 32,767 parameters). */
    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
        }
        return chunks;
    }

    /** Up to {@code limit} papers with ids above {@code afterId}, in id order, and each one's current text. */
    public static Map<Paper, String> papersAfter(long afterId, int limit) {
        List<Paper> papers = Paper.<Paper>find("id > ?1 order by id", afterId).page(0, limit).list();
        if (papers.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> texts = new HashMap<>();
        PaperText.<PaperText>find("select t from PaperText t join t.paper p where p.id > ?1 and p.id <= ?2 "
                        + "and t.versionNo = p.textVersion", afterId, papers.get(papers.size() - 1).id).list()
                .forEach(t -> texts.put(t.paper.id, t.content));
        Map<Paper, String> result = new java.util.LinkedHashMap<>();
        papers.forEach(p -> result.put(p, texts.getOrDefault(p.id, "")));
        return result;
    }

    /** A paper's current text ("" when it has none). */
    public static String currentText(Paper paper) {
        return PaperText.findVersion(paper.id, paper.textVersion).map(t -> t.content).orElse("");
    }

    /**
     * Which database this is, as far as the index can tell: its first paper's id and creation
     * time ("empty" without papers). A restored or different database has other first rows.
     */
    public static String origin() {
        return Paper.<Paper>find("order by id").firstResultOptional()
                .map(p -> p.id + "@" + p.createdAt.toEpochMilli()).orElse("empty");
    }
}
