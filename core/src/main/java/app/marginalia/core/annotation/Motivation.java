package app.marginalia.core.annotation;

import app.marginalia.core.system.Enums;

import java.util.Optional;

/** Why an annotation was made, after the W3C Web Annotation motivations. */
public enum Motivation {
    /** A passage marked without a note. */
    HIGHLIGHTING,
    /** A note on a passage or on the whole paper. */
    COMMENTING,
    /** A question, which can be marked answered. */
    QUESTIONING,
    /** A reply in a thread. */
    REPLYING;

    public static Optional<Motivation> parse(String value) {
        return Enums.parse(Motivation.class, value);
    }
}
