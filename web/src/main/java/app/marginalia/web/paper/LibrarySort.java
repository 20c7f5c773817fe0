package app.marginalia.web.paper;

import java.util.Comparator;
import java.util.Locale;

/** The orders the library can be listed in. */
public enum LibrarySort {
    /** A–Z by title, ignoring case. */
    TITLE(Comparator.comparing((PaperSummary p) -> p.title().toLowerCase(Locale.ROOT)).thenComparing(PaperSummary::id)),
    /** Newest first; papers without a date or year last. */
    DATE(Comparator.comparingInt(PaperSummary::dateSortKey).reversed()
            .thenComparing(p -> p.title().toLowerCase(Locale.ROOT)));

    final Comparator<PaperSummary> order;

    LibrarySort(Comparator<PaperSummary> order) {
        this.order = order;
    }

    /** Reads the {@code sort} query parameter; anything unknown lists by title. */
    public static LibrarySort parse(String value) {
        return "date".equalsIgnoreCase(value) ? DATE : TITLE;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
