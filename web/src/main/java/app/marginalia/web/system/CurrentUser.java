package app.marginalia.web.system;

import app.marginalia.persistence.annotation.Notification;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.Optional;

/**
 * Who is making this request, and the per-request values every page needs: the CSRF token
 * for its forms and a flash message left by the previous redirect. Filled in by
 * {@link SessionFilter}; templates read it as {@code inject:session}.
 */
@RequestScoped
@Named("session")
public class CurrentUser {

    /** The signed-in account, as much of it as requests need. */
    public record SignedIn(long id, String username, String displayName, boolean administrator) {
    }

    private SignedIn user;
    /** The row of the session this request came with, if any: {@code AccountSession.id}. */
    private String sessionId;
    private String csrfToken = "";
    private String csrfNonce;
    private boolean newNonce;
    private String flash;
    private Long unread;

    public Optional<SignedIn> user() {
        return Optional.ofNullable(user);
    }

    /** The signed-in account, or a redirect to the sign-in page. */
    public SignedIn require() {
        if (user == null) {
            throw new NotSignedInException();
        }
        return user;
    }

    public boolean isSignedIn() {
        return user != null;
    }

    public String getDisplayName() {
        return user == null ? "" : user.displayName();
    }

    public String getUsername() {
        return user == null ? "" : user.username();
    }

    public boolean isAdministrator() {
        return user != null && user.administrator();
    }

    /** Unread notifications, for the header; counted once per request, on first use. */
    public long getUnread() {
        if (user == null) {
            return 0;
        }
        if (unread == null) {
            unread = Notification.unread(user.id());
        }
        return unread;
    }

    public long getId() {
        return user == null ? 0 : user.id();
    }

    public String getCsrfToken() {
        return csrfToken;
    }

    public String getFlash() {
        return flash;
    }

    void signIn(SignedIn signedIn) {
        this.user = signedIn;
    }

    void session(String storedId) {
        this.sessionId = storedId;
    }

    String sessionId() {
        return sessionId;
    }

    void csrf(String nonce, String token, boolean fresh) {
        this.csrfNonce = nonce;
        this.csrfToken = token;
        this.newNonce = fresh;
    }

    String csrfNonce() {
        return csrfNonce;
    }

    boolean newNonce() {
        return newNonce;
    }

    void flash(String message) {
        this.flash = message;
    }
}
