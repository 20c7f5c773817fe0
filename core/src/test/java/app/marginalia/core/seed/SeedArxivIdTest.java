package app.marginalia.core.seed;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed papers that name an arXiv id keep it; the shipped seeds name none. */
class SeedArxivIdTest {

    private static final String SEED = """
            Abstract:We study margins. The preprint is arXiv:2212.08073v2, and the code is released.
            Abstract:We study footnotes at length, see https://arxiv.org/abs/hep-th/9901001 for the companion paper.
            Abstract:We study nothing in particular, across 2212.08073 samples, and name no preprint at all.
            """;

    @Test
    void shouldTakeTheArxivIdAnEntryNamesWithoutItsVersion() {
        SeedDocument document = SeedParser.parse("900_fixture.txt", SEED);
        List<SeedPaper> papers = SeedLibrary.merge(List.of(document), KnownTitles.parse("")).papers();
        assertEquals(3, papers.size());
        assertEquals("2212.08073", papers.get(0).arxivId().orElseThrow().versioned());
        assertEquals("hep-th/9901001", papers.get(1).arxivId().orElseThrow().id());
        assertTrue(papers.get(2).arxivId().isEmpty(), "a bare number in prose is not an id");
    }

    @Test
    void shouldFindNoIdInTheShippedSeeds() {
        assertTrue(SeedFixtures.library().papers().stream().allMatch(p -> p.arxivId().isEmpty()));
    }
}
