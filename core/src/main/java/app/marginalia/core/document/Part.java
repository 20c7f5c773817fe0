package app.marginalia.core.document;

/**
 * A block before it has a place in a document: its kind, heading level and text. Text with
 * blank lines in it becomes several blocks of the same kind.
 */
public record Part(BlockKind kind, int level, String text) {

    public static Part of(BlockKind kind, String text) {
        return new Part(kind, 0, text);
    }

    public static Part heading(int level, String text) {
        return new Part(BlockKind.HEADING, level, text);
    }
}
