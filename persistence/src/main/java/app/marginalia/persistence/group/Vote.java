package app.marginalia.persistence.group;

import app.marginalia.persistence.account.Account;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** One member's vote for a proposed paper. */
@Entity
@Table(name = "vote")
public class Vote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entry_id")
    public ReadingListEntry entry;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Vote> find(long entryId, long accountId) {
        return find("entry.id = ?1 and account.id = ?2", entryId, accountId).firstResultOptional();
    }

    /** Who voted for which entry. */
    public record Cast(long entryId, long accountId) {
    }

    /** Every vote in a group, in one statement. */
    public static List<Cast> ofGroup(long groupId) {
        return getEntityManager().createQuery(
                "select v.entry.id, v.account.id from Vote v where v.entry.group.id = ?1", Cast.class)
                .setParameter(1, groupId).getResultList();
    }
}
