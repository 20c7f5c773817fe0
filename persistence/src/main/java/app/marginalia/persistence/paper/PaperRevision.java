package app.marginalia.persistence.paper;

import app.marginalia.core.paper.PaperFields;
import app.marginalia.persistence.account.Account;
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

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One applied change to a library paper, with its metadata and text version on both sides, so the
 * history shows what changed and an administrator can restore the paper as it was before it.
 */
@Entity
@Table(name = "paper_revision")
public class PaperRevision extends PanacheEntityBase {

    /** How the change came about. */
    public enum Kind { EDIT, PROPOSAL, REVERT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "paper_id")
    public Paper paper;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** Who applied it: the editor, or the administrator who accepted or reverted. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_id")
    public Account actor;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "proposer_id")
    public Account proposer;

    @Column(name = "reverts_id")
    public Long revertsId;

    public String reason;

    @Column(name = "old_title")
    public String oldTitle;
    @Column(name = "new_title")
    public String newTitle;
    @Column(name = "old_authors")
    public String oldAuthors;
    @Column(name = "new_authors")
    public String newAuthors;
    /** Dates in {@code PartialDate.iso()} form. */
    @Column(name = "old_published")
    public String oldPublished;
    @Column(name = "new_published")
    public String newPublished;
    @Column(name = "old_link")
    public String oldLink;
    @Column(name = "new_link")
    public String newLink;
    @Column(name = "old_abstract")
    public String oldAbstract;
    @Column(name = "new_abstract")
    public String newAbstract;
    @Column(name = "old_text_version")
    public int oldTextVersion;
    @Column(name = "new_text_version")
    public int newTextVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    public void setBefore(PaperFields fields, int textVersion) {
        oldTitle = fields.title();
        oldAuthors = String.join(Paper.AUTHOR_SEPARATOR, fields.authors());
        oldPublished = fields.published() == null ? null : fields.published().iso();
        oldLink = fields.link();
        oldAbstract = fields.abstractText();
        oldTextVersion = textVersion;
    }

    public void setAfter(PaperFields fields, int textVersion) {
        newTitle = fields.title();
        newAuthors = String.join(Paper.AUTHOR_SEPARATOR, fields.authors());
        newPublished = fields.published() == null ? null : fields.published().iso();
        newLink = fields.link();
        newAbstract = fields.abstractText();
        newTextVersion = textVersion;
    }

    public PaperFields before() {
        return new PaperFields(oldTitle, Paper.lines(oldAuthors), PaperFields.dateFromIso(oldPublished), oldLink,
                oldAbstract);
    }

    public PaperFields after() {
        return new PaperFields(newTitle, Paper.lines(newAuthors), PaperFields.dateFromIso(newPublished), newLink,
                newAbstract);
    }

    /** A paper's changes, newest first, with who made and proposed them. */
    public static List<PaperRevision> ofPaper(long paperId) {
        return find("select r from PaperRevision r left join fetch r.actor left join fetch r.proposer "
                + "where r.paper.id = ?1 order by r.id desc", paperId).list();
    }

    public static Optional<PaperRevision> findOfPaper(long paperId, long id) {
        return find("paper.id = ?1 and id = ?2", paperId, id).firstResultOptional();
    }
}
