package app.marginalia.core.seed;

import app.marginalia.core.paper.PartialDate;

import java.math.BigDecimal;
import java.util.List;

/**
 * One paper as one seed list gave it. Only the abstract is always present; a listing adds
 * title, authors, organisations, category, date and score.
 *
 * @param list the list's name: its owner where the file names one, otherwise the file name
 * @param line the 1-based line where the entry starts
 */
public record SeedEntry(String file, int line, String list, String title, List<String> authors,
                        boolean authorsTruncated, List<String> organisations, String category,
                        PartialDate date, BigDecimal score, String abstractText) {

    public SeedEntry {
        authors = List.copyOf(authors);
        organisations = List.copyOf(organisations);
    }

    static SeedEntry untitled(String file, int line, String list, String abstractText) {
        return new SeedEntry(file, line, list, null, List.of(), false, List.of(), null, null, null, abstractText);
    }
}
