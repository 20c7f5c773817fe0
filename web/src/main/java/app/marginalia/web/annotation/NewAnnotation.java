package app.marginalia.web.annotation;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.NoteDraft;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;

/**
 * A new highlight or note, as the reader's form or script sends it; {@code requestKey}, when
 * given, makes a repeat of the same request answer with the note the first one saved.
 */
public record NewAnnotation(Long groupId, Motivation motivation, TextPositionSelector position,
                            TextQuoteSelector quote, NoteDraft note, String requestKey) {
}
