package app.marginalia.web.seed;

import app.marginalia.core.seed.SeedProblem;

import java.util.List;

/**
 * What one seed import did: entries read from the documents, entries merged into a paper
 * listed more than once, papers created, updated or already present, and every skipped line
 * and warning with its file, line and reason.
 */
public record SeedImportReport(int files, int entriesRead, int entriesMerged, int papersCreated, int papersUpdated,
                               int papersPresent, List<SeedProblem> skipped, List<SeedProblem> warnings) {

    public SeedImportReport {
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /** The report as people read it in the log. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("Seed import: read ").append(entriesRead).append(" entries from ").append(files).append(" files; ")
                .append(papersCreated).append(" papers created, ").append(papersUpdated).append(" updated, ")
                .append(papersPresent).append(" already present; ").append(entriesMerged)
                .append(" entries merged into papers listed more than once; ").append(skipped.size())
                .append(" skipped.");
        skipped.forEach(p -> out.append("\n  skipped ").append(p));
        warnings.forEach(p -> out.append("\n  warning ").append(p));
        return out.toString();
    }
}
