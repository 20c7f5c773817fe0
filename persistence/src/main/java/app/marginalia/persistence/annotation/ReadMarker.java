package app.marginalia.persistence.annotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** When a member last looked at a paper's discussion in a group: what is "new since your last visit". */
@Entity
@Table(name = "read_marker")
public class ReadMarker extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "account_id")
    public long accountId;
    @Column(name = "group_id")
    public long groupId;
    @Column(name = "paper_id")
    public long paperId;
    @Column(name = "seen_at")
    public Instant seenAt;

    public static Optional<Instant> seenAt(long accountId, long groupId, long paperId) {
        return find("accountId = ?1 and groupId = ?2 and paperId = ?3", accountId, groupId, paperId)
                .firstResultOptional().map(m -> ((ReadMarker) m).seenAt);
    }

    /**
     * Moves the marker forward to {@code at}, never back (a tab left open since yesterday must
     * not make today's notes new again); false when there was no marker yet.
     */
    public static boolean advance(long accountId, long groupId, long paperId, Instant at) {
        return update("seenAt = case when seenAt < ?1 then ?1 else seenAt end"
                + " where accountId = ?2 and groupId = ?3 and paperId = ?4", at, accountId, groupId, paperId) > 0;
    }
}
