package app.marginalia.core.seed;

import app.marginalia.core.paper.PartialDate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedLibraryTest {

    private final SeedLibrary library = SeedFixtures.library();

    @Test
    void shouldReadFiftyEightEntriesIntoThirtyNineDistinctPapers() {
        assertEquals(58, library.entriesRead());
        assertEquals(39, library.papers().size());
        assertEquals(19, library.entriesMerged());
        assertEquals(List.of(), library.skipped());
        assertEquals(List.of(), library.warnings());
    }

    @Test
    void shouldTitleEveryPaperFromTheListingOrTheKnownTitles() {
        Map<SeedPaper.TitleSource, Long> bySource = library.papers().stream()
                .collect(Collectors.groupingBy(SeedPaper::titleSource, Collectors.counting()));
        assertEquals(19L, bySource.get(SeedPaper.TitleSource.LISTING));
        assertEquals(20L, bySource.get(SeedPaper.TitleSource.KNOWN_TITLES));
        assertNull(bySource.get(SeedPaper.TitleSource.PROVISIONAL));
    }

    @Test
    void shouldTakeListingMetadataForAPaperThatAlsoAppearsUntitled() {
        SeedPaper principles = paper("Specific versus General Principles for Constitutional AI");
        assertEquals(SeedPaper.TitleSource.LISTING, principles.titleSource());
        assertEquals(List.of("Sandipan Kundu", "Yuntao Bai", "Saurav Kadavath"), principles.authors());
        assertTrue(principles.authorsTruncated());
        assertEquals(List.of("berkeley", "openai"), principles.organisations());
        assertEquals("cs.CL", principles.category());
        assertEquals(new PartialDate(2023, 10, 20), principles.date());
        assertEquals(List.of("001_347a0b179dc52533.txt", "002_76be3978637fe503.txt", "Shammie",
                SeedFixtures.LISTING), principles.origins().stream().map(SeedPaper.Origin::list).toList());
    }

    @Test
    void shouldNameAListByItsOwnerWhereTheFileGivesOne() {
        SeedPaper alignmentFaking = paper("Alignment Faking in Large Language Models");
        assertTrue(alignmentFaking.origins().stream()
                .anyMatch(o -> o.list().equals("Shammie") && o.file().equals(SeedFixtures.SHAMMIES_LIST)));
        assertTrue(library.papers().stream().flatMap(p -> p.origins().stream())
                .filter(o -> !o.file().equals(SeedFixtures.SHAMMIES_LIST)).allMatch(o -> o.list().equals(o.file())));
    }

    @Test
    void shouldKeepScoresAndADateWithoutYearExactlyAsGiven() {
        SeedPaper monosemanticity = paper(
                "Scaling Monosemanticity: Extracting Interpretable Features from Claude 3 Sonnet");
        assertEquals(new BigDecimal("99.8"), monosemanticity.score());
        assertEquals(new PartialDate(null, 5, 28), monosemanticity.date());
        assertEquals("May 28", monosemanticity.date().display());
        assertEquals("cs.AI", monosemanticity.category());
        SeedPaper emotions = paper("Emotion Concepts and their Function in a Large Language Model");
        assertEquals(new BigDecimal("99.4"), emotions.score());
        assertEquals(new PartialDate(null, 4, 9), emotions.date());
    }

    @Test
    void shouldDateAKnownTitleByItsYearOnly() {
        SeedPaper sleeperAgents = paper("Sleeper Agents: Training Deceptive LLMs that Persist Through Safety Training");
        assertEquals(SeedPaper.TitleSource.KNOWN_TITLES, sleeperAgents.titleSource());
        assertEquals(PartialDate.ofYear(2024), sleeperAgents.date());
        assertTrue(sleeperAgents.authors().isEmpty());
    }

    @Test
    void shouldGiveEveryPaperADistinctFingerprintAndTitle() {
        assertEquals(39, library.papers().stream().map(SeedPaper::fingerprint).distinct().count());
        assertEquals(39, library.papers().stream().map(SeedPaper::title).distinct().count());
        assertFalse(library.papers().stream().anyMatch(p -> p.abstractText().isBlank()));
    }

    @Test
    void shouldGiveAProvisionalTitleWhenNoSourceTitlesAPaper() {
        SeedLibrary untitled = SeedLibrary.merge(
                List.of(SeedParser.parse("x.txt", "Abstract:We study how reading groups discuss papers. It helps.")),
                KnownTitles.none());
        SeedPaper paper = untitled.papers().get(0);
        assertEquals(SeedPaper.TitleSource.PROVISIONAL, paper.titleSource());
        assertEquals("We study how reading groups discuss papers", paper.title());
    }

    private SeedPaper paper(String title) {
        return library.papers().stream().filter(p -> p.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no paper titled " + title + " in "
                        + library.papers().stream().map(SeedPaper::title).toList()));
    }
}
