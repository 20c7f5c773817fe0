package app.marginalia.core.paper;

/** The size limits of a paper's fields, enforced by forms, the API and the seed import alike. */
public final class PaperLimits {

    public static final int TITLE_MAX = 500;
    public static final int AUTHORS_MAX = 2_000;
    public static final int ORGANISATIONS_MAX = 500;
    public static final int ABSTRACT_MAX = 20_000;
    /** About 150 pages of prose: larger texts are books, not papers. */
    public static final int FULL_TEXT_MAX = 1_000_000;
    public static final int LINK_MAX = 2_048;

    private PaperLimits() {
    }
}
