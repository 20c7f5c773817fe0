package app.marginalia.web.seed;

import app.marginalia.core.seed.SeedLibrary;
import app.marginalia.core.seed.SeedPaper;
import app.marginalia.core.seed.SeedProblem;
import app.marginalia.persistence.seed.SeedClaim;
import app.marginalia.persistence.seed.SeedImport;
import app.marginalia.web.paper.PaperService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Imports the seed library through {@link PaperService}, one paper per transaction, so a paper
 * that cannot be saved is reported and skipped without losing the others. Running it again
 * adds nothing: papers are matched by their text's fingerprint.
 * <p>
 * Every run holds the lock on the {@link SeedClaim} row from start to finish, so runs never
 * overlap, on one instance or several sharing a PostgreSQL database: two runs at once would
 * both find a paper missing and both create it. Hand-added duplicates are legitimate, so a
 * unique fingerprint cannot be the guard. The first-start flag is set in the lock's own
 * transaction together with the run's report: an instance that crashes mid-import releases
 * the lock with its connection and leaves the flag unset, and the next start (or an instance
 * waiting for the lock at that moment) finishes the import.
 */
@ApplicationScoped
public class SeedImporter {

    private static final Logger LOG = Logger.getLogger(SeedImporter.class);
    static final String FIRST_START = "first start";
    /** How long an import may hold the claim; the seed library takes seconds, so this bounds only a hang. */
    private static final Duration LONGEST_RUN = Duration.ofMinutes(15);
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final SeedSource source;
    private final PaperService papers;

    SeedImporter(SeedSource source, PaperService papers) {
        this.source = source;
        this.papers = papers;
    }

    /**
     * The first-start import, once per database whatever runs at the same time: empty when it
     * already ran (here or on another instance, perhaps while this call waited for the claim).
     */
    public Optional<SeedImportReport> runOnFirstStart() {
        return exclusively(claim -> claim.firstStartDone ? null : importAndRecord(FIRST_START, claim));
    }

    /** @param trigger what started the import, recorded with its report ("command line", "administrator …") */
    public SeedImportReport run(String trigger) {
        return exclusively(claim -> importAndRecord(trigger, claim)).orElseThrow();
    }

    /** Runs the work holding the claim's lock, waiting for it while another run holds it. */
    private Optional<SeedImportReport> exclusively(Function<SeedClaim, SeedImportReport> work) {
        Instant giveUp = Instant.now().plus(LONGEST_RUN);
        while (true) {
            try {
                return Optional.ofNullable(QuarkusTransaction.requiringNew().timeout((int) LONGEST_RUN.toSeconds())
                        .call(() -> work.apply(SeedClaim.lock().orElseGet(SeedImporter::recreateClaim))));
            } catch (RuntimeException e) {
                // H2 gives up waiting for a row lock after a few seconds; PostgreSQL waits as long as it takes.
                if (!lockWaitExpired(e) || Instant.now().isAfter(giveUp)) {
                    throw e;
                }
                LOG.info("Another seed import is running; waiting for it to finish");
            }
        }
    }

    private static boolean lockWaitExpired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LockTimeoutException || t instanceof PessimisticLockException
                    || t instanceof org.hibernate.PessimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The claim row was deleted by hand: insert it again. Two instances doing so at once collide
     * on its primary key; the loser's transaction fails and is retried, and then finds the row.
     */
    private static SeedClaim recreateClaim() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                SeedClaim claim = new SeedClaim();
                claim.name = SeedClaim.SEED_LIBRARY;
                claim.firstStartDone = SeedImport.count() > 0;
                claim.persist();
            });
        } catch (PersistenceException e) {
            LOG.debugf(e, "Another instance recreated the seed claim");
        }
        return SeedClaim.lock().orElseThrow();
    }

    private SeedImportReport importAndRecord(String trigger, SeedClaim claim) {
        Instant started = Instant.now();
        claim.claimedBy = INSTANCE;
        claim.claimedAt = started;
        SeedSource.Reading reading = source.read();
        SeedLibrary library = SeedLibrary.merge(reading.documents(), reading.knownTitles());
        Map<PaperService.SeedOutcome, Integer> outcomes = new EnumMap<>(PaperService.SeedOutcome.class);
        List<SeedProblem> skipped = new ArrayList<>(reading.problems());
        skipped.addAll(library.skipped());
        for (SeedPaper paper : library.papers()) {
            try {
                // Its own transaction (the claim's is suspended meanwhile): one bad paper loses only itself.
                outcomes.merge(QuarkusTransaction.requiringNew().call(() -> papers.importSeed(paper)), 1, Integer::sum);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Seed paper %s could not be saved", paper.title());
                SeedPaper.Origin first = paper.origins().get(0);
                skipped.add(new SeedProblem(first.file(), first.line(), "could not be saved: " + e.getMessage()));
            }
        }
        SeedImportReport report = new SeedImportReport(reading.documents().size(), library.entriesRead(),
                library.entriesMerged(), outcomes.getOrDefault(PaperService.SeedOutcome.CREATED, 0),
                outcomes.getOrDefault(PaperService.SeedOutcome.UPDATED, 0),
                outcomes.getOrDefault(PaperService.SeedOutcome.PRESENT, 0), skipped, library.warnings(),
                reading.ignored());
        record(trigger, started, report);
        // Any finished import gives the installation its library, as the first start would have.
        claim.firstStartDone = true;
        LOG.info(report.describe());
        return report;
    }

    /** In the claim's transaction: the report and the first-start flag commit together. */
    private static void record(String trigger, Instant started, SeedImportReport report) {
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
    }
}
