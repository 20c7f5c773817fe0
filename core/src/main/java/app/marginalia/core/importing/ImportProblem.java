package app.marginalia.core.importing;

/**
 * Why an import cannot go ahead, in words for the person importing: an identifier that is not
 * one, a paper the service does not have, a file too large or unreadable. The web layer maps
 * each kind to a status (422, 404, 413).
 */
public class ImportProblem extends RuntimeException {

    /** What went wrong, for choosing the response status. */
    public enum Kind { INVALID, NOT_FOUND, TOO_LARGE, UNREADABLE, BUSY }

    private final Kind kind;

    public ImportProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static ImportProblem invalid(String message) {
        return new ImportProblem(Kind.INVALID, message);
    }
}
