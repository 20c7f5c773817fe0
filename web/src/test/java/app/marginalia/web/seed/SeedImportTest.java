package app.marginalia.web.seed;

import app.marginalia.persistence.seed.SeedImport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SeedImportTest {

    @Inject
    SeedImporter importer;

    @Test
    void shouldHaveImportedTheSeedLibraryOnFirstStart() {
        SeedImport first = QuarkusTransaction.requiringNew().call(
                () -> SeedImport.<SeedImport>find("trigger", "first start").firstResult());
        assertEquals(58, first.entriesRead);
        assertEquals(39, first.papersCreated);
        assertEquals(19, first.entriesMerged);
        assertEquals(0, first.skipped);
        assertTrue(first.report.startsWith("Seed import: read 58 entries from 5 files; 39 papers created"),
                first.report);
    }

    @Test
    void shouldAddNothingWhenTheImportRunsAgain() {
        List<Object> before = given().get("/api/papers").jsonPath().getList("$");
        SeedImportReport again = importer.run("test");
        assertEquals(58, again.entriesRead());
        assertEquals(0, again.papersCreated());
        assertEquals(0, again.papersUpdated());
        assertEquals(39, again.papersPresent());
        assertEquals(before, given().get("/api/papers").jsonPath().getList("$"));
        assertEquals("test", QuarkusTransaction.requiringNew().call(() -> SeedImport.latest().orElseThrow().trigger));
    }
}
