package app.marginalia.core.pdf;

import app.marginalia.core.pdf.PdfProblem.Reason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a PDF paper into a {@link app.marginalia.core.document.Document} and the positions of its
 * characters on the pages ({@link app.marginalia.core.document.TextLayout}), both from the same
 * pass, so highlights drawn on a page always cover the characters a note is anchored to.
 *
 * <p>Pipeline: PDFBox positions the glyphs ({@link GlyphCollector}); {@link PageLayout} groups them
 * into lines, finds columns and the reading order and drops running heads; {@link PaperStructure}
 * recognises the title block, abstract, headings, captions, footnotes, equations and references and
 * lays out the canonical text with its line geometry.
 */
public final class PdfExtractor {

    public static final int MAX_PAGES = 2000;
    public static final long MAX_BYTES = 100L * 1024 * 1024;

    private PdfExtractor() {
    }

    public static Extraction extract(Path file) throws PdfProblem, IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new PdfProblem(Reason.TOO_LARGE);
        }
        return extract(Files.readAllBytes(file));
    }

    public static Extraction extract(byte[] pdf) throws PdfProblem {
        if (pdf.length > MAX_BYTES) {
            throw new PdfProblem(Reason.TOO_LARGE);
        }
        if (!looksLikePdf(pdf)) {
            throw new PdfProblem(Reason.NOT_PDF);
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() > MAX_PAGES) {
                throw new PdfProblem(Reason.TOO_MANY_PAGES);
            }
            if (document.getNumberOfPages() == 0) {
                throw new PdfProblem(Reason.CORRUPT);
            }
            GlyphCollector collector = new GlyphCollector();
            collector.writeText(document, Writer.nullWriter());
            if (collector.pages.stream().allMatch(p -> p.glyphs().isEmpty())) {
                throw new PdfProblem(Reason.NO_TEXT);
            }
            PDDocumentInformation info = document.getDocumentInformation();
            PaperStructure structure = PaperStructure.of(collector.pages,
                    info == null ? null : info.getTitle(), info == null ? null : info.getAuthor());
            if (structure.document().length() == 0) {
                throw new PdfProblem(Reason.NO_TEXT);
            }
            return new Extraction(structure.title(), structure.authors(), structure.document(),
                    structure.layout(), document.getNumberOfPages());
        } catch (InvalidPasswordException e) {
            throw new PdfProblem(Reason.ENCRYPTED, e);
        } catch (IOException | RuntimeException e) {
            // PDFBox reports damage as IOExceptions and, in deep corners, as runtime exceptions.
            throw new PdfProblem(Reason.CORRUPT, e);
        } catch (StackOverflowError e) {
            throw new PdfProblem(Reason.CORRUPT, e);
        }
    }

    /** A PDF starts with "%PDF-" within its first kilobyte (some writers put junk before it). */
    private static boolean looksLikePdf(byte[] bytes) {
        int limit = Math.min(bytes.length - 5, 1024);
        for (int i = 0; i <= limit; i++) {
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F' && bytes[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }
}
