package app.marginalia.web.system;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line, as an operator uses it. */
@QuarkusMainTest
class MainTest {

    @Test
    @Launch({"--import-seeds", "--exit"})
    void shouldReRunTheSeedImportFromTheCommandLineAddingNothing(LaunchResult result) {
        assertTrue(result.getOutput().contains("Seed import: read 58 entries from 5 files; 0 papers created, "
                + "0 updated, 39 already present"), result.getOutput());
    }

    @Test
    @Launch("--help")
    void shouldPrintTheOptions(LaunchResult result) {
        assertTrue(result.getOutput().contains("--import-seeds"), result.getOutput());
    }

    @Test
    @Launch(value = "--frobnicate", exitCode = 2)
    void shouldRefuseAnUnknownOption(LaunchResult result) {
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("Unknown option: --frobnicate"), result.getErrorOutput());
    }
}
