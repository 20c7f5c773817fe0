package app.marginalia.core.document;

/**
 * What a block of a paper's document is. Each kind has a one-letter code, used in the stored
 * structure ({@link Document#structure()}); codes never change once written.
 */
public enum BlockKind {
    /** Part of the abstract; always the document's first blocks, so notes on it never move. */
    ABSTRACT('A'),
    /** A section heading; {@link Block#level()} is 1 for a section, 2 for a subsection, 3 below. */
    HEADING('H'),
    PARAGRAPH('P'),
    /** A figure, table or algorithm caption. */
    CAPTION('C'),
    FOOTNOTE('F'),
    /** One entry of the reference list. */
    REFERENCE('R'),
    /** A displayed equation, as text. */
    EQUATION('E');

    private final char code;

    BlockKind(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static BlockKind ofCode(char code) {
        for (BlockKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown block code: " + code);
    }
}
