package app.marginalia.web.annotation;

/** Someone else saved the note first; answered 409, and the form keeps what was typed. */
public class EditConflictException extends RuntimeException {

    public EditConflictException() {
        super("Someone changed this note while you were editing it. Your text is kept below: "
                + "copy it, reload to see their version, and edit again.");
    }
}
