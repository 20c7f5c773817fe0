package app.marginalia.web.account;

/** A sign-in with a wrong username or password; says nothing about which was wrong. */
public class LoginFailedException extends RuntimeException {

    public LoginFailedException() {
        super("That username and password do not match an account.");
    }

    protected LoginFailedException(String message) {
        super(message);
    }
}
