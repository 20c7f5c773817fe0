package app.marginalia.web.system;

import app.marginalia.core.account.SessionToken;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.account.AccountSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts, resumes and ends sign-ins for this request: decides the session and CSRF cookies the
 * response carries. A session is a row ({@link SessionStore}); the cookie only names it. The
 * CSRF token is bound to the visitor's nonce and account, and the nonce changes whenever
 * someone signs in or out.
 */
@RequestScoped
public class Sessions {

    /** A session is re-issued once a day, so an active member stays signed in. */
    private static final Duration RENEW_AFTER = Duration.ofDays(1);

    @Inject
    CurrentUser current;
    @Inject
    SessionKeys keys;
    @Inject
    SessionStore store;
    @Inject
    MarginaliaConfig config;

    private String sessionCookie;
    private boolean endSession;
    private boolean writeNonce;

    public void signIn(Account account) {
        endCurrent();
        SessionToken token = store.open(account.id);
        current.signIn(signedIn(account));
        current.session(token.storedId());
        sessionCookie = token.encode(keys.signer());
        bindCsrf(SessionFilter.newNonce(), true);
    }

    /** Ends this browser's session, here and on every instance. */
    public void signOut() {
        endCurrent();
        current.signIn(null);
        endSession = true;
        sessionCookie = null;
        bindCsrf(SessionFilter.newNonce(), true);
    }

    /** The request came with a live session: it is signed in, and the cookie is renewed once a day. */
    void resume(SessionToken token, AccountSession session, Instant now) {
        current.signIn(signedIn(session.account));
        current.session(session.id);
        if (token.issuedAt().plus(RENEW_AFTER).isBefore(now)) {
            store.renew(session.id, now);
            sessionCookie = token.reissued(now).encode(keys.signer());
        }
    }

    /** The cookie names a session that has ended: the browser may as well forget it. */
    void forget() {
        endSession = true;
    }

    private void endCurrent() {
        if (current.sessionId() != null) {
            store.end(current.sessionId());
            current.session(null);
        }
    }

    private static CurrentUser.SignedIn signedIn(Account account) {
        return new CurrentUser.SignedIn(account.id, account.username, account.displayName, account.administrator);
    }

    void bindCsrf(String nonce, boolean fresh) {
        long accountId = current.user().map(CurrentUser.SignedIn::id).orElse(0L);
        current.csrf(nonce, keys.signer().digest("csrf:" + nonce + ":" + accountId), fresh);
        writeNonce = writeNonce || fresh;
    }

    List<NewCookie> pendingCookies(boolean secure) {
        List<NewCookie> cookies = new ArrayList<>();
        if (sessionCookie != null) {
            cookies.add(Cookies.of(Cookies.SESSION, sessionCookie, (int) config.session().maxAge().toSeconds(), secure));
        } else if (endSession) {
            cookies.add(Cookies.expired(Cookies.SESSION, secure));
        }
        if (writeNonce) {
            // The nonce outlives sessions; it only binds forms to this browser.
            cookies.add(Cookies.of(Cookies.CSRF, current.csrfNonce(), 60 * 60 * 24 * 365, secure));
        }
        return cookies;
    }
}
