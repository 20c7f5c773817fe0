package app.marginalia.web.annotation;

import app.marginalia.core.annotation.NoteDraft;

/**
 * Someone else saved the note first; answered 409 with what was typed, the note's current
 * version and (when known) its current text, so nothing typed is lost and saving again from
 * the current version is a deliberate choice.
 */
public class EditConflictException extends RuntimeException {

    private final transient NoteDraft typed;
    private final long currentVersion;
    private final String currentBody;

    public EditConflictException(NoteDraft typed, long currentVersion, String currentBody) {
        super("Someone changed this note while you were editing it. Your text is kept below; "
                + (currentBody == null ? "reload to see their version before saving again."
                : "their version is shown, and saving again replaces it with yours."));
        this.typed = typed;
        this.currentVersion = currentVersion;
        this.currentBody = currentBody;
    }

    public NoteDraft typed() {
        return typed;
    }

    public long currentVersion() {
        return currentVersion;
    }

    /** The note's text as the other person saved it; null when it could not be read. */
    public String currentBody() {
        return currentBody;
    }
}
