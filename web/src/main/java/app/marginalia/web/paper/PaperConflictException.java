package app.marginalia.web.paper;

import jakarta.ws.rs.ClientErrorException;

/**
 * A library change collided with another one: the paper changed since the form was opened, or a
 * proposal was already decided. Answered 409; the edit form re-renders with what was typed, other
 * pages get the shared error page (a {@link ClientErrorException}, so the existing mapper answers).
 */
public class PaperConflictException extends ClientErrorException {

    public PaperConflictException(String message) {
        super(message, 409);
    }

    static PaperConflictException changedMeanwhile() {
        return new PaperConflictException("Someone changed this paper while you were editing it. Nothing was saved; "
                + "your text is kept below. Open the paper's history to see their change, then edit again.");
    }
}
