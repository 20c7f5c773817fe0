package app.marginalia.web.system;

import app.marginalia.core.account.SessionToken;
import app.marginalia.persistence.account.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts and ends sign-ins for this request: decides the session and CSRF cookies the
 * response carries. The CSRF token is bound to the visitor's nonce and account, and the nonce
 * changes whenever someone signs in or out.
 */
@RequestScoped
public class Sessions {

    @Inject
    CurrentUser current;
    @Inject
    SessionKeys keys;
    @Inject
    MarginaliaConfig config;

    private String sessionCookie;
    private boolean endSession;
    private boolean writeNonce;

    public void signIn(Account account) {
        current.signIn(new CurrentUser.SignedIn(account.id, account.username, account.displayName, account.administrator));
        renew(account);
        bindCsrf(SessionFilter.newNonce(), true);
    }

    public void signOut() {
        current.signIn(null);
        endSession = true;
        sessionCookie = null;
        bindCsrf(SessionFilter.newNonce(), true);
    }

    void renew(Account account) {
        sessionCookie = new SessionToken(account.id, account.sessionEpoch, Instant.now()).encode(keys.signer());
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
