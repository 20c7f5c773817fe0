package app.marginalia.web.seed;

import app.marginalia.core.seed.SeedProblem;
import app.marginalia.persistence.seed.SeedImport;
import app.marginalia.web.Visitor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed documents with broken lines, a Latin-1 file, a binary file and misnamed files, read from
 * a directory as an operator would supply them: the application starts (this test runs at all),
 * imports what it can, and names every file it skipped or ignored.
 */
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
        assertEquals(5, report.files());
        assertEquals(4, report.entriesRead());
        assertEquals(4, report.papersPresent());
        assertEquals(List.of(
                new SeedProblem("000_untidy.txt", 3, "expected a line starting with 'Abstract:'"),
                new SeedProblem("000_untidy.txt", 4, "the abstract is empty"),
                new SeedProblem("001_listing.txt", 4,
                        "expected a listing header (optional score, category, date) such as 'LGSep 21, 2022'"),
                new SeedProblem("002_notes.txt", 1, "unrecognised layout: the file starts with neither 'Abstract:', "
                        + "a list owner's name, nor a listing header such as 'LGSep 21, 2022'"),
                new SeedProblem("003_latin1.txt", 0, "not UTF-8 text (invalid byte sequence at byte 32); save it as UTF-8"),
                new SeedProblem("004_garbage.txt", 0, "not UTF-8 text (invalid byte sequence at byte 0); save it as UTF-8")),
                report.skipped());
        assertTrue(report.describe().contains("skipped 000_untidy.txt:3: expected a line starting with 'Abstract:'"));
        assertEquals(List.of("5_misnamed.txt", "README.md"), report.ignored());
        assertTrue(report.describe().contains("\n  ignored 5_misnamed.txt: the name is not NNN_name.txt"),
                report.describe());
    }

    @Test
    void shouldRecordTheFirstStartReportWithSkippedAndIgnoredFilesAndShowItToTheAdministrator() {
        String recorded = QuarkusTransaction.requiringNew().call(
                () -> SeedImport.<SeedImport>find("trigger", "first start").firstResult().report);
        assertTrue(recorded.contains("\n  skipped 003_latin1.txt: not UTF-8 text"), recorded);
        assertTrue(recorded.contains("\n  skipped 004_garbage.txt: not UTF-8 text"), recorded);
        assertTrue(recorded.contains("Ignored 2 files whose name is not NNN_name.txt: 5_misnamed.txt, README.md."),
                recorded);

        // This profile's database is its own, so the first account here is its administrator.
        Visitor admin = Visitor.register("seedadmin");
        Document page = Jsoup.parse(admin.get("/admin").then().statusCode(200).extract().asString());
        String report = page.select(".import-report pre").text();
        assertTrue(report.contains("skipped 003_latin1.txt: not UTF-8 text"), report);
        assertTrue(report.contains("ignored 5_misnamed.txt: the name is not NNN_name.txt"), report);
    }
}
