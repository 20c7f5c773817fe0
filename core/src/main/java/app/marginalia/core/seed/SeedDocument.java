package app.marginalia.core.seed;

import java.util.List;

/**
 * A parsed seed file: its entries in file order, the lines it had to skip, and warnings about
 * entries it kept but could not read completely.
 *
 * @param owner the bare name on the first line, when the file has one
 */
public record SeedDocument(String file, String owner, List<SeedEntry> entries, List<SeedProblem> skipped,
                           List<SeedProblem> warnings) {

    public SeedDocument {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /** How members see the list: by its owner, or else by its file. */
    public String listName() {
        return owner != null ? owner : file;
    }
}
