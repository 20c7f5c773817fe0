package app.marginalia.persistence.paper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** An original file of a paper (a PDF); its bytes are a {@link PaperFileContent}, read only when needed. */
@Entity
@Table(name = "paper_file")
public class PaperFile extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "paper_id")
    public long paperId;

    /** Hex SHA-256 of the bytes: names cached renderings, so a cached page can never belong to another file. */
    public String sha256;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(name = "page_count")
    public int pageCount;

    @Column(name = "added_by")
    public Long addedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * The paper's file with this hash, only if one of the paper's text versions was made from
     * it: a file still waiting in a proposal is not the paper's yet.
     */
    public static Optional<PaperFile> ofTextVersion(long paperId, String sha256) {
        return find("paperId = ?1 and sha256 = ?2 and id in (select t.fileId from PaperText t where t.paper.id = ?1)",
                paperId, sha256).firstResultOptional();
    }
}
