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
}
