package app.marginalia.persistence.annotation;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.paper.Paper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A highlight, note, question or reply, W3C-shaped: a target (paper, text version and
 * selectors; none for a note on the whole paper), a motivation and a Markdown body. A reply
 * keeps its thread's root and its ancestor path; a deleted note with replies stays as a tombstone.
 */
@Entity
@Table(name = "annotation")
public class Annotation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "paper_id")
    public Paper paper;

    @Column(name = "text_version")
    public int textVersion;

    /** The group whose discussion this belongs to; null for a private note. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    public ReadingGroup group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Account author;

    @Column(name = "root_id")
    public Long rootId;
    @Column(name = "parent_id")
    public Long parentId;
    public String ancestors;

    @Enumerated(EnumType.STRING)
    public Motivation motivation;

    @Column(name = "quote_exact")
    public String exact;
    @Column(name = "quote_prefix")
    public String prefix;
    @Column(name = "quote_suffix")
    public String suffix;
    @Column(name = "start_pos")
    public Integer start;
    @Column(name = "end_pos")
    public Integer end;

    public String body;
    @Column(name = "body_html")
    public String bodyHtml;
    public String tags;
    public boolean resolved;
    @Column(name = "answer_id")
    public Long answerId;
    public boolean deleted;
    /** The passage could not be found in a newer text version; selectors are the original ones. */
    public boolean detached;
    @Column(name = "edited_at")
    public Instant editedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
    /** The key of the form or request that saved it, so that a repeat answers with this note. */
    @Column(name = "request_key")
    public String requestKey;

    /** Threads in the order of the text: notes on the whole paper first, then by passage. */
    public static final Comparator<Annotation> READING_ORDER =
            Comparator.comparing((Annotation a) -> a.start == null ? -1 : a.start).thenComparing(a -> a.id);

    public boolean isRoot() {
        return rootId == null;
    }

    public long threadId() {
        return rootId == null ? id : rootId;
    }

    public List<String> tagList() {
        return tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n"));
    }

    /**
     * Everything of one paper that one person may see in one discussion: the group's
     * annotations (when {@code groupId} is given) and the person's own private ones, with their
     * authors, in one statement.
     */
    public static List<Annotation> visible(long paperId, Long groupId, long accountId) {
        return find("select a from Annotation a join fetch a.author where a.paper.id = ?1 and "
                + "(a.group.id = ?2 or (a.group is null and a.author.id = ?3)) order by a.createdAt, a.id",
                paperId, groupId == null ? -1L : groupId, accountId).list();
    }

    /** A thread: its root and every reply, with their authors, oldest first, in one statement. */
    public static List<Annotation> thread(long threadId) {
        return find("select a from Annotation a join fetch a.author where a.id = ?1 or a.rootId = ?1 "
                + "order by a.createdAt, a.id", threadId).list();
    }

    /** Whether anyone replied to this note (tombstones included). */
    public static boolean hasReplies(long id) {
        return count("parentId", id) > 0;
    }

    /** Moves a thread, root and replies, into a group's discussion; returns how many notes moved. */
    public static int moveThread(long threadId, ReadingGroup group) {
        return update("group = ?1 where id = ?2 or rootId = ?2", group, threadId);
    }

    /** The note this person saved with this request key, if any. */
    public static Optional<Annotation> byRequestKey(long authorId, String requestKey) {
        return find("author.id = ?1 and requestKey = ?2", authorId, requestKey).firstResultOptional();
    }

    /** This root's thread as core decides it; {@code liveReplies}: whether it has replies that are not deleted. */
    public app.marginalia.core.discussion.Thread thread(boolean liveReplies) {
        return app.marginalia.core.discussion.Thread.of(motivation, body, answerId != null, resolved, deleted, liveReplies);
    }

    /** The thread roots on a paper that have a passage, in every discussion: what an edit re-anchors. */
    public static List<Annotation> anchoredRoots(long paperId) {
        return list("paper.id = ?1 and rootId is null and start is not null", paperId);
    }

    /** A group's whole discussion of a paper, without anyone's private notes, with authors, oldest first. */
    public static List<Annotation> ofGroup(long paperId, long groupId) {
        return find("select a from Annotation a join fetch a.author where a.paper.id = ?1 and a.group.id = ?2 "
                + "order by a.createdAt, a.id", paperId, groupId).list();
    }

    /**
     * A note's thread state in SQL, mirroring {@code core.discussion.ThreadState.of} exactly and
     * in its order (change them together; {@code ThreadStatePinTest} holds them to each other):
     * a reply is not a thread; a deleted root is 'gone'; a bare highlight (a highlighting root
     * without words and without a reply that is not deleted, i.e. {@code ThreadKind.HIGHLIGHT})
     * is 'none'; then resolved wins; then a question is 'answered' or 'open'; anything else,
     * a comment or a highlight with words or replies ({@code ThreadKind.NOTE}), is 'unresolved'.
     * The words are {@code ThreadState.term()}. Bodies are stored canonical (stripped), so an
     * empty string is a blank body. Parameters {@code :q} (QUESTIONING) and {@code :h} (HIGHLIGHTING).
     */
    private static final String THREAD_STATE = "(case when a.rootId is not null then 'reply' "
            + "when a.deleted = true then 'gone' "
            + "when a.motivation = :h and (a.body is null or a.body = '') and not exists "
            + "(select 1 from Annotation r where r.rootId = a.id and r.deleted = false) then 'none' "
            + "when a.resolved = true then 'resolved' "
            + "when a.motivation = :q and a.answerId is null then 'open' "
            + "when a.motivation = :q then 'answered' "
            + "else 'unresolved' end)";

    /**
     * Where one paper's discussion in a group stands: its threads by {@code ThreadState} (open
     * and answered questions, resolved threads, unresolved notes; deleted roots and bare highlights
     * in none of them), its notes (every note and reply that is not deleted and not a bare
     * highlight), its bare highlights, the people who wrote what is still there, and its last change.
     */
    public record PaperStats(long paperId, long open, long answered, long resolved, long unresolved, long notes,
                             long highlights, long participants, Instant lastActivity) {
    }

    /** A number per paper (new notes). */
    public record PaperCount(long paperId, long count) {
    }

    /**
     * Where each paper's discussion in a group stands, in one statement, for every paper with
     * notes in the group or only {@code paperId}. Private notes never count: they have no group.
     */
    public static List<PaperStats> statsByPaper(long groupId, Long paperId) {
        var query = getEntityManager().createQuery("select a.paper.id, "
                        + "sum(case when " + THREAD_STATE + " = 'open' then 1 else 0 end), "
                        + "sum(case when " + THREAD_STATE + " = 'answered' then 1 else 0 end), "
                        + "sum(case when " + THREAD_STATE + " = 'resolved' then 1 else 0 end), "
                        + "sum(case when " + THREAD_STATE + " = 'unresolved' then 1 else 0 end), "
                        + "sum(case when a.deleted = false and " + THREAD_STATE + " <> 'none' then 1 else 0 end), "
                        + "sum(case when " + THREAD_STATE + " = 'none' then 1 else 0 end), "
                        + "count(distinct case when a.deleted = false then a.author.id end), max(a.updatedAt) "
                        + "from Annotation a where a.group.id = :g" + (paperId == null ? "" : " and a.paper.id = :p")
                        + " group by a.paper.id", PaperStats.class)
                .setParameter("q", Motivation.QUESTIONING).setParameter("h", Motivation.HIGHLIGHTING)
                .setParameter("g", groupId);
        return (paperId == null ? query : query.setParameter("p", paperId)).getResultList();
    }

    /**
     * How many notes others added to each paper's discussion in a group since the member last
     * looked (everything, if they never did), for every paper or only {@code paperId}.
     */
    public static List<PaperCount> newByPaper(long groupId, Long paperId, long accountId) {
        var query = getEntityManager().createQuery("select a.paper.id, count(a) from Annotation a where a.group.id = :g "
                        + (paperId == null ? "" : "and a.paper.id = :p ")
                        + "and a.author.id <> :me and a.deleted = false and a.createdAt > coalesce((select r.seenAt "
                        + "from ReadMarker r where r.accountId = :me and r.groupId = :g and r.paperId = a.paper.id), :never) "
                        + "group by a.paper.id", PaperCount.class)
                .setParameter("g", groupId).setParameter("me", accountId).setParameter("never", Instant.EPOCH);
        return (paperId == null ? query : query.setParameter("p", paperId)).getResultList();
    }
}
