package app.marginalia.persistence.paper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A PDF uploaded to add a paper, waiting for its uploader to confirm title and authors; never part of the library. */
@Entity
@Table(name = "pdf_upload")
public class PdfUpload extends PanacheEntityBase {

    /** Random and unguessable; only its uploader may use it. */
    @Id
    public String token;

    @Column(name = "account_id")
    public long accountId;

    @Column(name = "file_name")
    public String fileName;

    public String sha256;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public byte[] content;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<PdfUpload> findOf(String token, long accountId, Instant notBefore) {
        return find("token = ?1 and accountId = ?2 and createdAt >= ?3", token, accountId, notBefore)
                .firstResultOptional();
    }

    public static long deleteOlderThan(Instant cutoff) {
        return delete("createdAt < ?1", cutoff);
    }

    /** An account's uploads still waiting for confirmation, oldest first. */
    public static List<PdfUpload> ofAccountOldestFirst(long accountId) {
        return find("accountId = ?1 order by createdAt, id", accountId).list();
    }

    public static long countOf(long accountId) {
        return count("accountId", accountId);
    }
}
