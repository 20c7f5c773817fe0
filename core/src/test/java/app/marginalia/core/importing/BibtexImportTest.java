package app.marginalia.core.importing;

import app.marginalia.core.paper.PartialDate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BibtexImportTest {

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = BibtexImportTest.class.getResourceAsStream("/importing/" + name)) {
            return in.readAllBytes();
        }
    }

    private static BibtexImport.Entry entry(BibtexImport.Result result, String key) {
        return result.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void shouldImportEveryGoodEntryAndReportEachBadOneByLine() throws IOException {
        BibtexImport.Result result = BibtexImport.parse(fixture("library-20.bib"));
        assertEquals(18, result.entries().size(), result.problems().toString());
        assertEquals(2, result.problems().size(), result.problems().toString());
        BibtexImport.Problem missingComma = result.problems().get(0);
        assertEquals("mikolov2013distributed", missingComma.key());
        assertEquals(63, missingComma.line(), "the line of the field after the missing comma");
        assertTrue(missingComma.reason().startsWith("syntax error near \u201cbooktitle\u201d"), missingComma.reason());
        BibtexImport.Problem unclosed = result.problems().get(1);
        assertEquals(92, unclosed.line());
        assertEquals("dosovitskiy2021image", unclosed.key());
        assertEquals("the entry is not closed: a \u201c}\u201d is missing before line 99", unclosed.reason());
        assertEquals("radford2021learning", result.entries().get(9).key(), "the entry after the unclosed one is read");
    }

    @Test
    void shouldTurnNamesRoundAndDecodeLatexAccents() throws IOException {
        BibtexImport.Result result = BibtexImport.parse(fixture("library-20.bib"));
        assertEquals(List.of("Yann LeCun", "L\u00e9on Bottou", "Yoshua Bengio", "Patrick Haffner"),
                entry(result, "lecun1998gradient").paper().authors());
        assertEquals(List.of("J\u00fcrgen Schmidhuber"), entry(result, "schmidhuber2015deep").paper().authors());
        assertEquals(List.of("Volodymyr Mnih", "Koray Kavukcuoglu", "David Silver", "Alex Graves"),
                entry(result, "mnih2013playing").paper().authors(), "'others' is BibTeX's et al.");
        assertEquals("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
                entry(result, "devlin2019bert").paper().title());
        assertEquals("Mastering the game of Go with deep neural networks and tree search",
                entry(result, "silver2016mastering").paper().title());
    }

    @Test
    void shouldMapDatesVenuesAndStringMacros() throws IOException {
        BibtexImport.Result result = BibtexImport.parse(fixture("library-20.bib"));
        assertEquals(new PartialDate(2019, 6, null), entry(result, "devlin2019bert").paper().date());
        assertEquals(new PartialDate(1998, 11, null), entry(result, "lecun1998gradient").paper().date());
        assertEquals(PartialDate.ofYear(2020), entry(result, "raffel2020exploring").paper().date());
        assertEquals("Advances in Neural Information Processing Systems", entry(result, "goodfellow2014gan").paper().venue());
        assertEquals("Advances in Neural Information Processing Systems Deep Learning Workshop",
                entry(result, "mnih2013playing").paper().venue());
    }

    @Test
    void shouldFindArxivIdsAndDoisWhereverTheEntryGivesThem() throws IOException {
        BibtexImport.Result result = BibtexImport.parse(fixture("library-20.bib"));
        assertEquals("1312.5602", entry(result, "mnih2013playing").paper().arxivId().id(), "eprint + archivePrefix");
        assertEquals("1412.6980", entry(result, "kingma2014adam").paper().arxivId().id(), "Google Scholar's journal");
        assertEquals("1406.2661", entry(result, "goodfellow2014gan").paper().arxivId().id(), "an arxiv.org url");
        assertEquals("2203.15556", entry(result, "hoffmann2022training").paper().arxivId().id(), "howpublished");
        assertEquals("10.18653/v1/n19-1423", entry(result, "devlin2019bert").paper().doi().value());
        assertEquals("10.1038/nature16961", entry(result, "silver2016mastering").paper().doi().value());
        assertNull(entry(result, "raffel2020exploring").paper().arxivId());
        assertEquals("https://arxiv.org/abs/1406.2661", entry(result, "goodfellow2014gan").paper().draft().link());
    }

    @Test
    void shouldReportAnEntryWithoutTitleAndListOneWithoutAbstract() {
        BibtexImport.Result result = BibtexImport.parse("""
                @article{notitle, author = {A. Person}, abstract = {Something.}}
                @article{noabstract, title = {A Title}, year = 2020}
                """);
        assertEquals(List.of(new BibtexImport.Problem(1, "notitle", "the entry has no title")), result.problems());
        assertEquals(1, result.entries().size());
        assertEquals("A Title", result.entries().get(0).paper().title());
        assertEquals("", result.entries().get(0).paper().abstractText());
    }

    @Test
    void shouldKeepABracedAndInsideOneName() {
        assertEquals(List.of("Barnes and Noble", "Ada Lovelace"), BibtexImport.authors("{Barnes and Noble} and Lovelace, Ada"));
        assertEquals(List.of("Guy Steele Jr."), BibtexImport.authors("Steele, Jr., Guy"));
    }

    @Test
    void shouldRefuseAnOversizedFileOrTooManyEntries() {
        assertEquals(ImportProblem.Kind.TOO_LARGE, assertThrows(ImportProblem.class,
                () -> BibtexImport.parse(new byte[BibtexImport.MAX_BYTES + 1])).kind());
        String many = "@misc{k, title={T}, abstract={A}}\n".repeat(BibtexImport.MAX_ENTRIES + 1);
        assertEquals(ImportProblem.Kind.TOO_LARGE, assertThrows(ImportProblem.class, () -> BibtexImport.parse(many)).kind());
    }

    @Test
    void shouldRefuseAFileWithNoEntriesOrThatIsNotText() {
        assertEquals(ImportProblem.Kind.UNREADABLE, assertThrows(ImportProblem.class,
                () -> BibtexImport.parse("just some notes".getBytes(StandardCharsets.UTF_8))).kind());
        assertEquals(ImportProblem.Kind.UNREADABLE, assertThrows(ImportProblem.class,
                () -> BibtexImport.parse(new byte[]{'%', 'P', 'D', 'F', 0, 1, 2})).kind());
    }

    @Test
    void shouldReadALatin1File() {
        byte[] latin1 = "@misc{k, title={Caf\u00e9 theory}, abstract={On caf\u00e9s.}}".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Caf\u00e9 theory", BibtexImport.parse(latin1).entries().get(0).paper().title());
    }
}
