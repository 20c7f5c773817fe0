package app.marginalia.web.seed;

import app.marginalia.core.seed.SeedProblem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed documents with broken lines, read from a directory as an operator would supply them. */
@QuarkusTest
@TestProfile(MalformedSeedsTest.BrokenSeeds.class)
class MalformedSeedsTest {

    /** Points the import at {@code src/test/resources/broken-seeds}. */
    public static class BrokenSeeds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A database of its own: the default in-memory one outlives a restart within the JVM.
            return Map.of("marginalia.seeds.directory", "src/test/resources/broken-seeds",
                    "%test.quarkus.datasource.jdbc.url", "jdbc:h2:mem:broken-seeds;DB_CLOSE_DELAY=-1");
        }
    }

    @Inject
    SeedImporter importer;

    @Test
    void shouldSkipEachMalformedLineWithItsReasonAndImportEveryOtherPaper() {
        List<String> titles = given().get("/api/papers?sort=title").jsonPath().getList("title");
        assertEquals(List.of("Constitutional AI: Harmlessness from AI Feedback", "Reading Groups in the Wild",
                "Toy Models of Superposition", "We study how reading groups discuss research papers together"), titles);

        SeedImportReport report = importer.run("test");
        assertEquals(4, report.entriesRead());
        assertEquals(4, report.papersPresent());
        assertEquals(List.of(
                new SeedProblem("000_untidy.txt", 3, "expected a line starting with 'Abstract:'"),
                new SeedProblem("000_untidy.txt", 4, "the abstract is empty"),
                new SeedProblem("001_listing.txt", 4,
                        "expected a listing header (optional score, category, date) such as 'LGSep 21, 2022'"),
                new SeedProblem("002_notes.txt", 1, "unrecognised layout: the file starts with neither 'Abstract:', "
                        + "a list owner's name, nor a listing header such as 'LGSep 21, 2022'")), report.skipped());
        assertTrue(report.describe().contains("skipped 000_untidy.txt:3: expected a line starting with 'Abstract:'"));
    }
}
