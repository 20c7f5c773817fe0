package app.marginalia.persistence.paper;

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
import java.util.Optional;

/** One version of a paper's readable text, in canonical form; versions are never overwritten. */
@Entity
@Table(name = "paper_text")
public class PaperText extends PanacheEntityBase {

    /** Whether the text is the abstract alone or the paper's full text. */
    public enum Kind { ABSTRACT, FULL_TEXT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "paper_id")
    public Paper paper;

    @Column(name = "version_no")
    public int versionNo;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String content;

    /** The kind of each paragraph of {@code content} ({@code core.document.Document#structure}); null: all of {@code kind}. */
    public String structure;

    /** The original file this text was extracted from, if any; its glyph positions are a {@link PaperTextLayout}. */
    @Column(name = "file_id")
    public Long fileId;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<PaperText> findVersion(long paperId, int versionNo) {
        return find("paper.id = ?1 and versionNo = ?2", paperId, versionNo).firstResultOptional();
    }
}
