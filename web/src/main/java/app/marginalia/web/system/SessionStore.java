package app.marginalia.web.system;

import app.marginalia.core.account.SessionToken;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.account.AccountSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Server-side sessions: a row per sign-in, so ending one (sign-out, sign out everywhere, a
 * password change, an administrator disabling the account) takes effect at the next request
 * on every instance. Expired rows go when someone signs in, and an account keeps at most
 * {@link #MAX_PER_ACCOUNT} sessions, so the table stays bounded without a scheduler.
 */
@ApplicationScoped
@Transactional
public class SessionStore {

    /** Far more devices than a person uses; the oldest sign-ins go first beyond it. */
    static final int MAX_PER_ACCOUNT = 50;

    private final MarginaliaConfig config;

    SessionStore(MarginaliaConfig config) {
        this.config = config;
    }

    /** A new session for the account; its token goes into the cookie. */
    public SessionToken open(long accountId) {
        Instant now = Instant.now();
        AccountSession.endExpired(now);
        // The new session is one more: keep the newest MAX_PER_ACCOUNT - 1 of the others.
        AccountSession.endAll(AccountSession.idsBeyondNewest(accountId, MAX_PER_ACCOUNT - 1));
        SessionToken token = SessionToken.issue(now);
        AccountSession session = new AccountSession();
        session.id = token.storedId();
        session.account = AccountSession.getEntityManager().getReference(Account.class, accountId);
        session.createdAt = now;
        session.expiresAt = now.plus(config.session().maxAge());
        session.persist();
        return token;
    }

    /** Extends a session that is in use by another full lifetime. */
    public void renew(String storedId, Instant now) {
        AccountSession.extend(storedId, now.plus(config.session().maxAge()));
    }

    public void end(String storedId) {
        AccountSession.deleteById(storedId);
    }
}
