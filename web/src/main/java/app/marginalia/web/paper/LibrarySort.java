package app.marginalia.web.paper;

import app.marginalia.persistence.paper.LibraryPage;
import app.marginalia.web.system.InvalidFormException;

import java.util.Comparator;
import java.util.Locale;

/** The orders the library can be listed in. */
public enum LibrarySort {
    /** A–Z by title, ignoring case. */
    TITLE(LibraryPage.Order.TITLE, Comparator.comparing((PaperSummary p) -> p.title().toLowerCase(Locale.ROOT)).thenComparing(PaperSummary::id)),
    /** Newest first; papers without a date or year last. */
    DATE(LibraryPage.Order.DATE, Comparator.comparingInt(PaperSummary::dateSortKey).reversed()
            .thenComparing(p -> p.title().toLowerCase(Locale.ROOT)));

    /** The same order in SQL, for the paged library. */
    final LibraryPage.Order sql;
    final Comparator<PaperSummary> order;

    LibrarySort(LibraryPage.Order sql, Comparator<PaperSummary> order) {
        this.sql = sql;
        this.order = order;
    }

    /** Reads the {@code sort} query parameter; anything unknown lists by title. */
    public static LibrarySort parse(String value) {
        return "date".equalsIgnoreCase(value) ? DATE : TITLE;
    }

    /** Reads the library page's {@code sort} parameter: none is by title, an unknown one is refused (400). */
    public static LibrarySort parseStrict(String value) {
        if (value == null || value.isBlank()) {
            return TITLE;
        }
        for (LibrarySort sort : values()) {
            if (sort.param().equalsIgnoreCase(value.strip())) {
                return sort;
            }
        }
        throw new InvalidFormException("sort", "Sort by \"title\" or \"date\".");
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
