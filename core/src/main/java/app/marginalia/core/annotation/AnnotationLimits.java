package app.marginalia.core.annotation;

/** Explicit limits on notes; each violation is answered with a 4xx naming the limit. */
public final class AnnotationLimits {

    public static final int BODY_MAX = 10_000;
    public static final int QUOTE_MAX = 5_000;
    public static final int TAGS_MAX = 20;
    public static final int TAG_LENGTH_MAX = 50;
    /** Replies nest at most this deep; deeper replies attach to the deepest allowed parent. */
    public static final int DEPTH_MAX = 8;

    private AnnotationLimits() {
    }
}
