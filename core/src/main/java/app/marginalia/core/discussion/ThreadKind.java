package app.marginalia.core.discussion;

import app.marginalia.core.annotation.Motivation;

/**
 * What a thread is, decided once from its root: a question, a note (a comment, or a highlight
 * someone wrote on or replied to, which makes it a discussion), or a bare highlight (a passage
 * marked without words, which is nothing to discuss).
 */
public enum ThreadKind {
    QUESTION("Question", "question"),
    NOTE("Note", "note"),
    HIGHLIGHT("Highlight", "highlight");

    private final String label;
    private final String term;

    ThreadKind(String label, String term) {
        this.label = label;
        this.term = term;
    }

    /**
     * The kind of a thread whose root has this motivation; {@code hasBody} whether the root has
     * words, {@code hasReplies} whether anyone replied (deleted replies do not count).
     */
    public static ThreadKind of(Motivation rootMotivation, boolean hasBody, boolean hasReplies) {
        return switch (rootMotivation) {
            case QUESTIONING -> QUESTION;
            case HIGHLIGHTING -> hasBody || hasReplies ? NOTE : HIGHLIGHT;
            case COMMENTING, REPLYING -> NOTE;
        };
    }

    /** "Question", "Note", "Highlight": how pages and the minutes name it. */
    public String label() {
        return label;
    }

    /** "question", "note", "highlight": the search filter's word and CSS class. */
    public String term() {
        return term;
    }

    /** The label of a single note of this motivation, a reply included. */
    public static String labelOf(Motivation motivation) {
        return switch (motivation) {
            case QUESTIONING -> QUESTION.label;
            case HIGHLIGHTING -> HIGHLIGHT.label;
            case COMMENTING -> NOTE.label;
            case REPLYING -> "Reply";
        };
    }
}
