package app.marginalia.core.seed;

import app.marginalia.core.paper.PartialDate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedParserTest {

    private static final String ABSTRACT = "We study how reading groups discuss research papers together.";

    @Test
    void shouldReadEachSeedFileInItsLayout() {
        List<SeedDocument> documents = SeedFixtures.documents();
        assertEquals(List.of(10, 10, 9, 10, 19), documents.stream().map(d -> d.entries().size()).toList());
        assertTrue(documents.stream().allMatch(d -> d.skipped().isEmpty()), () -> documents.toString());
    }

    @Test
    void shouldTakeABareFirstLineAsTheListsOwner() {
        SeedDocument shammie = SeedParser.parse(SeedFixtures.SHAMMIES_LIST, SeedFixtures.read(SeedFixtures.SHAMMIES_LIST));
        assertEquals("Shammie", shammie.owner());
        assertEquals("Shammie", shammie.listName());
        assertEquals(10, shammie.entries().size());
        assertEquals(2, shammie.entries().get(0).line());
        assertTrue(shammie.entries().stream().allMatch(e -> e.list().equals("Shammie")));
    }

    @Test
    void shouldNameAListWithoutOwnerByItsFile() {
        SeedDocument document = SeedParser.parse("000_a.txt", "Abstract:" + ABSTRACT);
        assertNull(document.owner());
        assertEquals("000_a.txt", document.entries().get(0).list());
        assertEquals(ABSTRACT, document.entries().get(0).abstractText());
        assertNull(document.entries().get(0).title());
    }

    @Test
    void shouldReadScoreCategoryAndDateFromAListingHeader() {
        SeedDocument listing = SeedParser.parse(SeedFixtures.LISTING, SeedFixtures.read(SeedFixtures.LISTING));
        SeedEntry first = listing.entries().get(0);
        assertEquals("Toy Models of Superposition", first.title());
        assertEquals("cs.LG", first.category());
        assertEquals(new PartialDate(2022, 9, 21), first.date());
        assertNull(first.score());
        SeedEntry second = listing.entries().get(1);
        assertEquals(new BigDecimal("99.8"), second.score());
        assertEquals(new PartialDate(null, 5, 28), second.date());
        assertEquals(List.of("cs.AI", "cs.CL", "cs.HC", "cs.LG"),
                listing.entries().stream().map(SeedEntry::category).distinct().sorted().toList());
        assertEquals(List.of(new BigDecimal("99.8"), new BigDecimal("99.4")),
                listing.entries().stream().map(SeedEntry::score).filter(s -> s != null).toList());
    }

    @Test
    void shouldSkipMalformedAbstractLinesWithTheirReasonAndKeepTheRest() {
        String content = String.join("\n",
                "Abstract:" + ABSTRACT,
                "Summary: not the expected prefix",
                "Abstract:",
                "Abstract:too short",
                "",
                "Abstract:A second paper on how annotation threads converge.");
        SeedDocument document = SeedParser.parse("bad.txt", content);
        assertEquals(2, document.entries().size());
        assertEquals(6, document.entries().get(1).line());
        assertEquals(List.of(
                new SeedProblem("bad.txt", 2, "expected a line starting with 'Abstract:'"),
                new SeedProblem("bad.txt", 3, "the abstract is empty"),
                new SeedProblem("bad.txt", 4, "the abstract is shorter than 20 characters")), document.skipped());
    }

    @Test
    void shouldSkipAMalformedListingEntryAndResynchroniseOnTheNextHeader() {
        String content = String.join("\n",
                "LGSep 21, 2022",
                "Toy Models of SuperpositionNelson Elhage, Tristan Hume",
                ABSTRACT,
                "not a header at all",
                "CLDec 15, 2022",
                "CLDec 16, 2022",
                "Constitutional AI: Harmlessness from AI FeedbackYuntao Bai, Saurav Kadavath",
                "A different abstract about harmlessness from AI feedback.",
                "AIMar 14, 2025",
                "a title line only lowercase");
        SeedDocument document = SeedParser.parse("listing.txt", content);
        assertEquals(List.of("Toy Models of Superposition", "Constitutional AI: Harmlessness from AI Feedback"),
                document.entries().stream().map(SeedEntry::title).toList());
        assertEquals(List.of(
                new SeedProblem("listing.txt", 4,
                        "expected a listing header (optional score, category, date) such as 'LGSep 21, 2022'"),
                new SeedProblem("listing.txt", 5, "listing entry has no title line after its header"),
                new SeedProblem("listing.txt", 9, "the abstract is empty")), document.skipped());
    }

    @Test
    void shouldKeepAnEntryWhoseAuthorsCannotBeSeparatedAndWarn() {
        SeedDocument document = SeedParser.parse("listing.txt",
                "CLDec 15, 2022\nan untidy title with no names\n" + ABSTRACT);
        assertEquals("an untidy title with no names", document.entries().get(0).title());
        assertEquals(List.of(), document.entries().get(0).authors());
        assertEquals(List.of(new SeedProblem("listing.txt", 2,
                "could not tell the title from the authors; kept the whole line as the title")), document.warnings());
    }

    @Test
    void shouldSkipAFileInNoKnownLayout() {
        SeedDocument document = SeedParser.parse("notes.txt", "Dear group,\nplease read these.\n");
        assertEquals(List.of(), document.entries());
        assertEquals(1, document.skipped().size());
        assertTrue(document.skipped().get(0).reason().startsWith("unrecognised layout"));
        assertEquals("the file is empty", SeedParser.parse("empty.txt", "\n\n").skipped().get(0).reason());
    }

    @Test
    void shouldAcceptWindowsLineEndsAndAByteOrderMark() {
        SeedDocument document = SeedParser.parse("crlf.txt", "\uFEFFShammie\r\nAbstract:" + ABSTRACT + "\r\n");
        assertEquals("Shammie", document.owner());
        assertEquals(ABSTRACT, document.entries().get(0).abstractText());
    }

    @Test
    void shouldMatchKnownTitlesByTheStartOfTheAbstract() {
        KnownTitles titles = KnownTitles.parse(SeedFixtures.read("known-titles.tsv"));
        assertEquals(20, titles.size());
        KnownTitles.KnownTitle sleeper = titles.forAbstract(
                "Humans are capable of strategically deceptive behavior: behaving helpfully in most situations").orElseThrow();
        assertEquals("Sleeper Agents: Training Deceptive LLMs that Persist Through Safety Training", sleeper.title());
        assertEquals(2024, sleeper.year());
        assertTrue(titles.forAbstract("An abstract nobody has titled.").isEmpty());
    }
}
