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
import java.util.List;

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

    /** The thread roots on a paper that have a passage, in every discussion: what an edit re-anchors. */
    public static List<Annotation> anchoredRoots(long paperId) {
        return list("paper.id = ?1 and rootId is null and start is not null", paperId);
    }
}
