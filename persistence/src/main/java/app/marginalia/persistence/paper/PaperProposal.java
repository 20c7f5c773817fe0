package app.marginalia.persistence.paper;

import app.marginalia.core.paper.PaperDraft;
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

/**
 * A change to a library paper proposed by someone who may not edit it: the form as they typed it
 * and the paper's version it was made against, waiting for an administrator to accept or reject.
 */
@Entity
@Table(name = "paper_proposal")
public class PaperProposal extends PanacheEntityBase {

    /** Where the proposal stands. */
    public enum Status { PENDING, ACCEPTED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "paper_id")
    public Paper paper;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposer_id")
    public Account proposer;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String reason;

    /** The paper's {@code version} when the proposer opened the form. */
    @Column(name = "base_version")
    public long baseVersion;

    public String title;
    public String authors;
    @Column(name = "abstract_text")
    public String abstractText;
    @Column(name = "full_text")
    public String fullText;
    public String published;
    public String link;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by")
    public Account decidedBy;
    public String decision;
    @Column(name = "revision_id")
    public Long revisionId;
    /** A PDF to attach as the paper's next text version (a {@link PaperFile}, not current until accepted). */
    @Column(name = "file_id")
    public Long fileId;

    public PaperDraft draft() {
        return new PaperDraft(title, authors, abstractText, fullText, published, link);
    }

    /** Stores a valid draft; names one per line and the date as parsed, so stored values fit their columns. */
    public void setDraft(PaperDraft draft) {
        title = draft.title();
        authors = String.join(Paper.AUTHOR_SEPARATOR, draft.authorList());
        abstractText = draft.abstractText();
        fullText = draft.fullText();
        published = draft.publishedDate().map(PaperFields::typed).orElse("");
        link = draft.link();
    }

    /** Every proposal waiting for an administrator, oldest first, with paper and proposer. */
    public static List<PaperProposal> pending() {
        return find("select p from PaperProposal p join fetch p.paper join fetch p.proposer where p.status = ?1 "
                + "order by p.id", Status.PENDING).list();
    }

    /** A paper's proposals, newest first, with their proposers. */
    public static List<PaperProposal> ofPaper(long paperId) {
        return find("select p from PaperProposal p join fetch p.proposer where p.paper.id = ?1 order by p.id desc",
                paperId).list();
    }

    public static long pendingBy(long paperId, long proposerId) {
        return count("paper.id = ?1 and proposer.id = ?2 and status = ?3", paperId, proposerId, Status.PENDING);
    }

    public static long pendingBy(long proposerId) {
        return count("proposer.id = ?1 and status = ?2", proposerId, Status.PENDING);
    }
}
