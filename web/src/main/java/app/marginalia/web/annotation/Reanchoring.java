package app.marginalia.web.annotation;

import app.marginalia.core.annotation.Reanchor;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;
import app.marginalia.persistence.annotation.Annotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Keeps notes on their passages when a paper's text changes. Part of the text edit's own
 * transaction and event (the edit announces the paper's change; the notes move with it).
 */
@ApplicationScoped
public class Reanchoring {

    /** What re-anchoring did to a paper's notes after its text changed. */
    public record Reanchored(int kept, int moved, int detached) {
    }

    /**
     * Places every note with a passage in the new text version, in the same transaction as the
     * edit. Moved notes get new selectors; notes whose passage is gone are detached with their
     * original selectors, never deleted or moved to a guess.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Reanchored reanchorAll(long paperId, String oldText, String newText, int newVersion) {
        int oldLength = oldText.codePointCount(0, oldText.length());
        Reanchor.Text text = Reanchor.Text.of(newText);
        int kept = 0, moved = 0, detached = 0;
        for (Annotation a : Annotation.anchoredRoots(paperId)) {
            if (a.detached) {
                detached++;
                continue;
            }
            Reanchor.Result result = Reanchor.anchor(text, oldLength, new TextPositionSelector(a.start, a.end),
                    new TextQuoteSelector(a.exact, a.prefix, a.suffix));
            if (result.detached()) {
                a.detached = true;
                detached++;
                continue;
            }
            if (result.method() == Reanchor.Method.POSITION) {
                kept++;
            } else {
                moved++;
            }
            NoteAccess.place(a, result.position(), result.quote(), newVersion);
        }
        return new Reanchored(kept, moved, detached);
    }
}
