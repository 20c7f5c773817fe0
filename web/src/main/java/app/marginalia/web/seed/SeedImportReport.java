package app.marginalia.web.seed;

import app.marginalia.core.seed.SeedProblem;

import java.util.List;

/**
 * What one seed import did: entries read from the documents, entries merged into a paper
 * listed more than once, papers created, updated or already present, every skipped line or
 * file and warning with its file, line (0 for a whole file) and reason, and the files in the
 * seed directory that were not taken as seed documents because of their names.
 */
public record SeedImportReport(int files, int entriesRead, int entriesMerged, int papersCreated, int papersUpdated,
                               int papersPresent, List<SeedProblem> skipped, List<SeedProblem> warnings,
                               List<String> ignored) {

    public SeedImportReport {
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        ignored = List.copyOf(ignored);
    }

    /** The report as people read it in the log. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("Seed import: read ").append(entriesRead).append(" entries from ").append(files).append(" files; ")
                .append(papersCreated).append(" papers created, ").append(papersUpdated).append(" updated, ")
                .append(papersPresent).append(" already present; ").append(entriesMerged)
                .append(" entries merged into papers listed more than once; ").append(skipped.size())
                .append(" skipped.");
        if (!ignored.isEmpty()) {
            out.append(" Ignored ").append(ignored.size())
                    .append(ignored.size() == 1 ? " file" : " files")
                    .append(" whose name is not NNN_name.txt: ").append(String.join(", ", ignored)).append('.');
        }
        skipped.forEach(p -> out.append("\n  skipped ").append(p));
        warnings.forEach(p -> out.append("\n  warning ").append(p));
        ignored.forEach(name -> out.append("\n  ignored ").append(name).append(": the name is not NNN_name.txt"));
        return out.toString();
    }
}
