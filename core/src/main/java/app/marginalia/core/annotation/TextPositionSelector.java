package app.marginalia.core.annotation;

/** W3C Web Annotation TextPositionSelector: [start, end) in code points of the canonical text. */
public record TextPositionSelector(int start, int end) {
}
