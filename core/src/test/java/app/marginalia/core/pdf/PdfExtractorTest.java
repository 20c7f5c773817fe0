package app.marginalia.core.pdf;

import app.marginalia.core.document.BlockKind;
import app.marginalia.core.document.Document;
import app.marginalia.core.document.TextLayout;
import app.marginalia.core.paper.CanonicalText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfExtractorTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PdfExtractorTest.class.getResourceAsStream("/pdf/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name + " (run testdocs/pdf/build.sh)");
            }
            return in.readAllBytes();
        }
    }

    private static String text(String name) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8).strip();
    }

    private static Extraction extract(String name) throws Exception {
        return PdfExtractor.extract(resource(name));
    }

    // ---- the text --------------------------------------------------------------------------------

    @Test
    void shouldReadTheTwoColumnArticleInReadingOrder() throws Exception {
        Extraction e = extract("two-column.pdf");
        assertEquals(text("two-column.expected.txt"), e.document().text());
        assertEquals(text("two-column.expected-structure.txt"), e.document().structure());
        assertEquals(2, e.pageCount());
    }

    @Test
    void shouldReadTheOneColumnPreprint() throws Exception {
        Extraction e = extract("one-column.pdf");
        assertEquals(text("one-column.expected.txt"), e.document().text());
        assertEquals(text("one-column.expected-structure.txt"), e.document().structure());
    }

    @Test
    void shouldProposeTitleAndAuthorsFromTheFirstPageWhenTheDocumentInfoIsEmpty() throws Exception {
        Extraction e = extract("two-column.pdf");
        assertEquals("Marginal Notes on Shared Reading", e.title());
        assertEquals(List.of("Ada Lovelace", "Alan Turing"), e.authors());
        assertFalse(e.document().text().contains("Analytical Engine Society"), "affiliations are not text");
        assertFalse(e.document().text().contains("ada@example.org"));
    }

    @Test
    void shouldProposeTitleAndAuthorsFromTheDocumentInfo() throws Exception {
        Extraction e = extract("one-column.pdf");
        assertEquals("Finding Notes Again After a Revision", e.title());
        assertEquals(List.of("Grace Hopper", "Edsger Dijkstra"), e.authors());
    }

    @Test
    void shouldPutTheAbstractFirst() throws Exception {
        Document d = extract("two-column.pdf").document();
        assertEquals(BlockKind.ABSTRACT, d.blocks().get(0).kind());
        assertTrue(d.abstractText().startsWith("Reading groups discuss papers in the margins."));
        assertTrue(d.abstractText().endsWith("difficult sections easier to finish."));
        assertFalse(d.text().contains("Abstract"), "the Abstract heading is not text");
    }

    @Test
    void shouldSpellLigaturesAsLetters() throws Exception {
        String text = extract("two-column.pdf").document().text();
        assertTrue(text.codePoints().noneMatch(cp -> cp >= 0xFB00 && cp <= 0xFB06), "no ligature characters");
        for (String word : List.of("first", "official", "efficient", "reflect", "affordance", "affiliations",
                "offline", "difficult", "fifty", "fitted")) {
            assertTrue(text.contains(word), word);
        }
    }

    @Test
    void shouldJoinWordsHyphenatedAtLineEndsAndKeepCompounds() throws Exception {
        String text = extract("two-column.pdf").document().text();
        // Each of these is broken across two lines in the PDF.
        for (String word : List.of("conversation that follows", "Digital Libraries", "open standards", "common property")) {
            assertTrue(text.contains(word), word);
        }
        assertTrue(text.contains("a fifty-page paper"), "a compound broken at its own hyphen keeps it");
        assertFalse(text.contains("con-"));
    }

    @Test
    void shouldDropRunningHeadersFootersAndPageNumbers() throws Exception {
        Document d = extract("two-column.pdf").document();
        assertFalse(d.text().contains("Working Draft"));
        assertFalse(d.text().contains("Marginal Notes on Shared Reading"));
        assertTrue(d.blocks().stream().noneMatch(b -> b.text().matches("\\d+")), "no bare page numbers");
        assertFalse(extract("one-column.pdf").document().text().matches("(?s).*\\n\\d\\n.*"));
    }

    @Test
    void shouldComposeCanonicalBlocksWithoutBlankLines() throws Exception {
        for (String name : List.of("two-column.pdf", "one-column.pdf", "long-two-column.pdf")) {
            Document d = extract(name).document();
            assertEquals(CanonicalText.of(d.text()), d.text(), name);
            d.blocks().forEach(b -> assertFalse(b.text().contains("\n\n"), name));
        }
    }

    // ---- the layout ------------------------------------------------------------------------------

    @Test
    void shouldPlaceEveryLineOverTheGlyphsThatSpellIt() throws Exception {
        for (String name : List.of("two-column.pdf", "one-column.pdf")) {
            byte[] pdf = resource(name);
            Extraction e = PdfExtractor.extract(pdf);
            List<List<TextPosition>> glyphs = glyphsPerPage(pdf);
            String text = e.document().text();
            int previousEnd = 0;
            assertEquals(e.pageCount(), e.layout().pages().size());
            for (TextLayout.Line line : e.layout().lines()) {
                assertTrue(line.start() >= previousEnd, "lines in text order");
                previousEnd = line.end();
                String slice = slice(text, line.start(), line.end());
                assertFalse(slice.startsWith(" ") || slice.endsWith(" "), slice);
                for (int i = 1; i < line.edges().length; i++) {
                    assertTrue(line.edges()[i] >= line.edges()[i - 1] - 0.01f, "edges grow: " + slice);
                }
                // What PDFBox finds inside the line's box, read left to right, spells the slice.
                StringBuilder inside = new StringBuilder();
                for (TextPosition p : glyphs.get(line.page())) {
                    float middle = p.getXDirAdj() + p.getWidthDirAdj() / 2;
                    if (middle > line.left() && middle < line.right()
                            && p.getYDirAdj() > line.top() && p.getYDirAdj() < line.bottom()) {
                        inside.append(p.getUnicode());
                    }
                }
                String spelled = letters(inside.toString());
                String expected = letters(slice);
                assertTrue(spelled.equals(expected) || spelled.equals(expected + "-"),
                        name + ": line [" + slice + "] but the page has [" + inside + "] there");
            }
        }
    }

    @Test
    void shouldDrawAPhrasesBoxOverItsGlyphs() throws Exception {
        byte[] pdf = resource("two-column.pdf");
        Extraction e = PdfExtractor.extract(pdf);
        String text = e.document().text();
        String phrase = "official reading";
        int start = text.codePointCount(0, text.indexOf(phrase));
        List<TextLayout.Box> boxes = e.layout().boxes(start, start + phrase.length());
        assertEquals(1, boxes.size());
        TextLayout.Box box = boxes.get(0);
        assertEquals(0, box.page());
        // The same glyphs as PDFBox positions them: from the "o" of official to the "g" of reading.
        List<TextPosition> page = glyphsPerPage(pdf).get(0);
        String squeezed = letters(phrase);
        for (int i = 0; i < page.size(); i++) {
            StringBuilder spelled = new StringBuilder();
            int j = i;
            while (j < page.size() && spelled.length() < squeezed.length()) {
                spelled.append(letters(page.get(j).getUnicode()));
                j++;
            }
            if (spelled.toString().equals(squeezed)) {
                TextPosition first = page.get(i);
                TextPosition last = page.get(j - 1);
                assertEquals(first.getXDirAdj(), box.left(), 0.01f);
                assertEquals(last.getXDirAdj() + last.getWidthDirAdj(), box.right(), 0.01f);
                assertTrue(box.top() < first.getYDirAdj() && box.bottom() > first.getYDirAdj());
                return;
            }
        }
        throw new AssertionError("PDFBox does not find the phrase on the page");
    }

    @Test
    void shouldSplitALigaturesWidthBetweenItsLetters() throws Exception {
        Extraction e = extract("two-column.pdf");
        String text = e.document().text();
        int at = text.codePointCount(0, text.indexOf("official"));
        TextLayout.Box o = e.layout().boxes(at, at + 1).get(0);
        TextLayout.Box f1 = e.layout().boxes(at + 1, at + 2).get(0);
        TextLayout.Box f2 = e.layout().boxes(at + 2, at + 3).get(0);
        TextLayout.Box i = e.layout().boxes(at + 3, at + 4).get(0);
        assertEquals(o.right(), f1.left(), 0.01f);
        assertEquals(f1.right() - f1.left(), f2.right() - f2.left(), 0.01f);
        assertEquals(f2.right() - f2.left(), i.right() - i.left(), 0.01f);
    }

    @Test
    void shouldGiveTheJoiningHyphenNoOffset() throws Exception {
        Extraction e = extract("two-column.pdf");
        String text = e.document().text();
        int at = text.codePointCount(0, text.indexOf("conversation that"));
        List<TextLayout.Box> boxes = e.layout().boxes(at, at + "conversation".length());
        assertEquals(2, boxes.size(), "con- on one line, versation on the next");
        TextLayout.Line first = e.layout().lines().stream().filter(l -> l.end() == at + 3).findFirst().orElseThrow();
        assertEquals("con", slice(text, first.end() - 3, first.end()));
    }

    @Test
    void shouldSurviveTheLayoutsBinaryForm() throws Exception {
        TextLayout layout = extract("two-column.pdf").layout();
        TextLayout back = TextLayout.decode(layout.encode());
        assertEquals(layout.lines().size(), back.lines().size());
        assertTrue(Arrays.equals(layout.lines().get(7).edges(), back.lines().get(7).edges()));
    }

    // ---- bad input -------------------------------------------------------------------------------

    @Test
    void shouldRefuseAScanWithAdviceToRunOcr() throws Exception {
        PdfProblem problem = assertThrows(PdfProblem.class, () -> extract("scanned.pdf"));
        assertEquals(PdfProblem.Reason.NO_TEXT, problem.reason());
        assertTrue(problem.getMessage().contains("OCR"));
    }

    @Test
    void shouldRefuseAPasswordProtectedPdf() {
        PdfProblem problem = assertThrows(PdfProblem.class, () -> extract("encrypted.pdf"));
        assertEquals(PdfProblem.Reason.ENCRYPTED, problem.reason());
        assertTrue(problem.getMessage().contains("password"));
    }

    @Test
    void shouldReadAPdfThatOpensWithTheEmptyPassword() throws Exception {
        byte[] protectedPdf;
        try (PDDocument doc = Loader.loadPDF(resource("one-column.pdf"))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            protectedPdf = out.toByteArray();
        }
        assertEquals(text("one-column.expected.txt"), PdfExtractor.extract(protectedPdf).document().text());
    }

    @Test
    void shouldCallATruncatedFileCorrupt() throws Exception {
        byte[] whole = resource("two-column.pdf");
        PdfProblem problem = assertThrows(PdfProblem.class,
                () -> PdfExtractor.extract(Arrays.copyOf(whole, whole.length / 2)));
        assertEquals(PdfProblem.Reason.CORRUPT, problem.reason());
    }

    @Test
    void shouldCallGarbageAfterAPdfHeaderCorrupt() {
        byte[] garbage = "%PDF-1.7\nthis is not really a PDF\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(PdfProblem.Reason.CORRUPT,
                assertThrows(PdfProblem.class, () -> PdfExtractor.extract(garbage)).reason());
    }

    @Test
    void shouldRefuseFilesThatAreNotPdfs() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] textFile = "Just some notes, renamed to paper.pdf\n".getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : List.of(png, textFile, new byte[0])) {
            PdfProblem problem = assertThrows(PdfProblem.class, () -> PdfExtractor.extract(bytes));
            assertEquals(PdfProblem.Reason.NOT_PDF, problem.reason());
            assertEquals("This file is not a PDF.", problem.getMessage());
        }
    }

    @Test
    void shouldRefuseMoreThanTwoThousandPages() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < PdfExtractor.MAX_PAGES + 1; i++) {
                doc.addPage(new PDPage());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        assertEquals(PdfProblem.Reason.TOO_MANY_PAGES,
                assertThrows(PdfProblem.class, () -> PdfExtractor.extract(pdf)).reason());
    }

    @Test
    void shouldRefuseAFileOverTheSizeLimitBeforeReadingIt(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.pdf");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(PdfExtractor.MAX_BYTES + 1); // sparse: nothing is written
        }
        assertEquals(PdfProblem.Reason.TOO_LARGE,
                assertThrows(PdfProblem.class, () -> PdfExtractor.extract(big)).reason());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String slice(String text, int start, int end) {
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }

    /** Letters only, ligatures spelled out: what two readings of the same glyphs must agree on. */
    private static String letters(String s) {
        StringBuilder out = new StringBuilder();
        for (String letter : PageLayout.letters(s)) {
            out.append(letter);
        }
        return out.toString().replace(" ", "");
    }

    private static List<List<TextPosition>> glyphsPerPage(byte[] pdf) throws IOException {
        List<List<TextPosition>> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writePage() {
                    List<TextPosition> all = new ArrayList<>();
                    getCharactersByArticle().forEach(all::addAll);
                    pages.add(all);
                }
            };
            stripper.writeText(doc, Writer.nullWriter());
        }
        return pages;
    }
}
