package app.marginalia.web.seed;

import app.marginalia.core.seed.SeedLibrary;
import app.marginalia.core.seed.SeedPaper;
import app.marginalia.core.seed.SeedProblem;
import app.marginalia.persistence.seed.SeedImport;
import app.marginalia.web.paper.PaperService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Imports the seed library through {@link PaperService}, one paper per transaction, so a paper
 * that cannot be saved is reported and skipped without losing the others. Running it again
 * adds nothing: papers are matched by their text's fingerprint.
 */
@ApplicationScoped
public class SeedImporter {

    private static final Logger LOG = Logger.getLogger(SeedImporter.class);

    private final SeedSource source;
    private final PaperService papers;

    SeedImporter(SeedSource source, PaperService papers) {
        this.source = source;
        this.papers = papers;
    }

    /** True when no seed import has ever run against this database. */
    public boolean neverRan() {
        return QuarkusTransaction.requiringNew().call(() -> SeedImport.count() == 0);
    }

    /** @param trigger what started the import, recorded with its report ("first start", "command line") */
    public SeedImportReport run(String trigger) {
        Instant started = Instant.now();
        var documents = source.documents();
        SeedLibrary library = SeedLibrary.merge(documents, source.knownTitles());
        Map<PaperService.SeedOutcome, Integer> outcomes = new EnumMap<>(PaperService.SeedOutcome.class);
        List<SeedProblem> skipped = new ArrayList<>(library.skipped());
        for (SeedPaper paper : library.papers()) {
            try {
                outcomes.merge(papers.importSeed(paper), 1, Integer::sum);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Seed paper %s could not be saved", paper.title());
                SeedPaper.Origin first = paper.origins().get(0);
                skipped.add(new SeedProblem(first.file(), first.line(), "could not be saved: " + e.getMessage()));
            }
        }
        SeedImportReport report = new SeedImportReport(documents.size(), library.entriesRead(),
                library.entriesMerged(), outcomes.getOrDefault(PaperService.SeedOutcome.CREATED, 0),
                outcomes.getOrDefault(PaperService.SeedOutcome.UPDATED, 0),
                outcomes.getOrDefault(PaperService.SeedOutcome.PRESENT, 0), skipped, library.warnings());
        record(trigger, started, report);
        LOG.info(report.describe());
        return report;
    }

    private static void record(String trigger, Instant started, SeedImportReport report) {
        QuarkusTransaction.requiringNew().run(() -> {
            SeedImport run = new SeedImport();
            run.trigger = trigger;
            run.startedAt = started;
            run.finishedAt = Instant.now();
            run.entriesRead = report.entriesRead();
            run.entriesMerged = report.entriesMerged();
            run.papersCreated = report.papersCreated();
            run.papersUpdated = report.papersUpdated();
            run.papersPresent = report.papersPresent();
            run.skipped = report.skipped().size();
            String text = report.describe();
            run.report = text.length() > 100_000 ? text.substring(0, 100_000) : text;
            run.persist();
        });
    }
}
