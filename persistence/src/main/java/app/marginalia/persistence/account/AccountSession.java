package app.marginalia.persistence.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One sign-in, kept server side so it can be ended: the id is the SHA-256 of the secret in the
 * session cookie, so the table alone cannot be turned back into cookies.
 */
@Entity
@Table(name = "account_session")
public class AccountSession extends PanacheEntityBase {

    @Id
    public String id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;

    /**
     * The live session with this id and its account, in one statement: every request runs it,
     * so it must cost what loading the account alone used to cost. Disabled accounts have none.
     */
    public static Optional<AccountSession> findLive(String id, Instant now) {
        return find("select s from AccountSession s join fetch s.account a"
                + " where s.id = ?1 and s.expiresAt > ?2 and a.disabledAt is null", id, now).firstResultOptional();
    }

    public static long endAll(long accountId) {
        return delete("account.id", accountId);
    }

    public static long endExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }

    /**
     * The ids of the account's sessions beyond its {@code keep} newest (by expiry, which is
     * sign-in or last renewal plus one lifetime): the ones to end so a new sign-in stays within
     * the limit.
     */
    public static List<String> idsBeyondNewest(long accountId, int keep) {
        return getEntityManager().createQuery("select s.id from AccountSession s where s.account.id = ?1 "
                        + "order by s.expiresAt desc", String.class)
                .setParameter(1, accountId).setFirstResult(keep).getResultList();
    }

    public static long endAll(Collection<String> ids) {
        return ids.isEmpty() ? 0 : delete("id in ?1", ids);
    }

    /** Moves a session's expiry to {@code until}, in one UPDATE; false when the session is gone. */
    public static boolean extend(String id, Instant until) {
        return update("expiresAt = ?1 where id = ?2", until, id) > 0;
    }
}
