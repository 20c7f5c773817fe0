package app.marginalia.core.pdf;

/** Why a file cannot become a paper, with a message for the member who uploaded it. */
public class PdfProblem extends RuntimeException {

    /** The kinds of trouble a file can be in. */
    public enum Reason { NOT_PDF, CORRUPT, ENCRYPTED, NO_TEXT, TOO_MANY_PAGES, TOO_LARGE }

    private final Reason reason;

    public PdfProblem(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
