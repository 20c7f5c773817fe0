package app.marginalia.web.annotation;

/** The request is well formed but cannot apply to this note or text; answered 422. */
public class UnprocessableException extends RuntimeException {

    public UnprocessableException(String message) {
        super(message);
    }
}
