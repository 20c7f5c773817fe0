package app.marginalia.core.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArxivIdTest {

    @ParameterizedTest
    @CsvSource({
            "2212.08073, 2212.08073, ",
            "2212.08073v2, 2212.08073, 2",
            "arXiv:2212.08073, 2212.08073, ",
            "ARXIV: 2212.08073v3, 2212.08073, 3",
            "https://arxiv.org/abs/2212.08073v2, 2212.08073, 2",
            "http://www.arxiv.org/abs/2212.08073, 2212.08073, ",
            "arxiv.org/pdf/2212.08073.pdf, 2212.08073, ",
            "https://arxiv.org/pdf/2212.08073v1, 2212.08073, 1",
            "https://export.arxiv.org/abs/1706.03762?context=cs, 1706.03762, ",
            "0704.0001, 0704.0001, ",
            "hep-th/9901001, hep-th/9901001, ",
            "math.GT/0309136v2, math.GT/0309136, 2",
            "https://arxiv.org/abs/hep-th/9901001, hep-th/9901001, ",
    })
    void shouldReadEveryFormArxivPrintsAnIdIn(String input, String id, Integer version) {
        ArxivId parsed = ArxivId.parse(input);
        assertEquals(id, parsed.id());
        assertEquals(version, parsed.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "2212.0807", "2213.08073", "12.08073", "2212.08073v0",
            "https://example.org/abs/2212.08073", "10.1145/3442188.3445922", "hep-th/99010", "2212.08073 extra"})
    void shouldRejectWhatIsNotAnIdWithAReason(String input) {
        ImportProblem problem = assertThrows(ImportProblem.class, () -> ArxivId.parse(input));
        assertEquals(ImportProblem.Kind.INVALID, problem.kind());
        assertTrue(problem.getMessage().length() > 20, problem.getMessage());
    }

    @Test
    void shouldSayAForeignAddressIsNotAnArxivPage() {
        ImportProblem problem = assertThrows(ImportProblem.class, () -> ArxivId.parse("https://example.org/abs/2212.08073"));
        assertTrue(problem.getMessage().contains("not an arxiv.org paper page"), problem.getMessage());
    }

    @Test
    void shouldKeepTheVersionForThePdfButNotInTheId() {
        ArxivId id = ArxivId.parse("2212.08073v2");
        assertEquals("2212.08073v2", id.versioned());
        assertEquals("https://arxiv.org/abs/2212.08073", id.absUrl());
    }

    @Test
    void shouldFindAnIdNamedInRunningText() {
        assertEquals("2212.08073", ArxivId.find("Preprint, arXiv:2212.08073 [cs.CL].").orElseThrow().id());
        assertEquals("1706.03762", ArxivId.find("see https://arxiv.org/abs/1706.03762v5 for more").orElseThrow().id());
        assertTrue(ArxivId.find("We used 2212.08073 samples.").isEmpty(), "a bare number is not an id in prose");
        assertTrue(ArxivId.find(null).isEmpty());
    }

    @Test
    void shouldRefuseAVersionInsideTheId() {
        assertThrows(IllegalArgumentException.class, () -> new ArxivId("2212.08073v2", null));
        assertNull(new ArxivId("2212.08073", null).version());
    }
}
