package app.marginalia.web.system;

/** The request needs a signed-in account; pages answer with the sign-in page, the API with 401. */
public class NotSignedInException extends RuntimeException {

    public NotSignedInException() {
        super("Sign in to continue.");
    }
}
