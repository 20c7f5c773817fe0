package app.marginalia.web.seed;

import app.marginalia.core.seed.SeedLibrary;
import app.marginalia.core.seed.SeedPaper;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.seed.SeedClaim;
import app.marginalia.persistence.seed.SeedImport;
import app.marginalia.web.Concurrently;
import app.marginalia.web.paper.PaperService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed import on a database where an earlier start crashed half-way through it, with
 * several starts racing to finish it: the library ends with each seed paper once.
 */
@QuarkusTest
@TestProfile(SeedRaceTest.CrashedInstall.class)
class SeedRaceTest {

    /** A database of its own, and no import at start: the test plays the starts itself. */
    public static class CrashedInstall implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marginalia.seeds.import-on-first-start", "false",
                    "%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:seed-race;DB_CLOSE_DELAY=-1");
        }
    }

    private static final int STARTS = 4;

    @Inject
    SeedImporter importer;
    @Inject
    SeedSource source;
    @Inject
    PaperService papers;

    @Test
    void shouldFinishACrashedFirstStartImportExactlyOnceWhenStartsRace() throws Exception {
        // A first start that died after saving 10 of the 39 papers: the papers are there, the flag is not.
        SeedSource.Reading reading = source.read();
        List<SeedPaper> seeds = SeedLibrary.merge(reading.documents(), reading.knownTitles()).papers();
        assertEquals(39, seeds.size());
        seeds.subList(0, 10).forEach(papers::importSeed);
        assertEquals(10L, count());
        assertFalse(QuarkusTransaction.requiringNew().call(() -> SeedClaim.<SeedClaim>findById(SeedClaim.SEED_LIBRARY)
                .firstStartDone));

        List<Optional<SeedImportReport>> outcomes = Concurrently.times(STARTS, importer::runOnFirstStart);

        assertEquals(39L, count(), "each seed paper once");
        List<SeedImportReport> ran = outcomes.stream().flatMap(Optional::stream).toList();
        assertEquals(1, ran.size(), "exactly one start imports; the others find it done");
        assertEquals(29, ran.get(0).papersCreated());
        assertEquals(10, ran.get(0).papersPresent());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> SeedImport.count("trigger", "first start")));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> SeedClaim.<SeedClaim>findById(SeedClaim.SEED_LIBRARY)
                .firstStartDone));

        // Administrators re-running the import at the same moment add nothing either.
        List<SeedImportReport> reruns = Concurrently.times(STARTS, () -> importer.run("test"));
        assertEquals(39L, count());
        reruns.forEach(r -> assertEquals(39, r.papersPresent()));
        assertTrue(importer.runOnFirstStart().isEmpty(), "a later start imports nothing");
    }

    private static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Paper.count());
    }
}
