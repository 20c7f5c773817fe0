package app.marginalia.core.document;

/**
 * One block of a document: exactly one paragraph of its canonical text, [start, end) in code
 * points, with its kind. {@code level} is the heading level (1–3), 0 for every other kind.
 */
public record Block(BlockKind kind, int level, int start, int end, String text) {

    public Block {
        if (kind == null || start < 0 || end < start) {
            throw new IllegalArgumentException("Bad block: " + kind + " [" + start + ", " + end + ")");
        }
        level = kind == BlockKind.HEADING ? Math.max(1, Math.min(3, level)) : 0;
    }

    public boolean heading() {
        return kind == BlockKind.HEADING;
    }
}
