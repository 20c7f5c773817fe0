package app.marginalia.core.pdf;

import app.marginalia.core.document.Block;
import app.marginalia.core.document.BlockKind;
import app.marginalia.core.document.Document;
import app.marginalia.core.document.Part;
import app.marginalia.core.document.TextLayout;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Placeholder for the pdf-extract branch's extractor (same API): one paragraph per page, lines
 * joined by spaces, every line's glyph edges recorded. Replaced wholesale when that branch lands.
 */
public final class PdfExtractor {

    public static final long MAX_BYTES = 100L * 1024 * 1024;
    public static final int MAX_PAGES = 2000;

    private PdfExtractor() {
    }

    public static Extraction extract(byte[] pdf) {
        if (pdf.length > MAX_BYTES) {
            throw new PdfProblem(PdfProblem.Reason.TOO_LARGE, "This file is larger than 100 MB.");
        }
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new PdfProblem(PdfProblem.Reason.NOT_PDF, "This file is not a PDF.");
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.getNumberOfPages() > MAX_PAGES) {
                throw new PdfProblem(PdfProblem.Reason.TOO_MANY_PAGES, "This PDF has more than 2,000 pages.");
            }
            List<TextLayout.Page> pages = new ArrayList<>();
            List<List<List<TextPosition>>> linesPerPage = new ArrayList<>();
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                PDRectangle box = doc.getPage(p).getCropBox();
                pages.add(new TextLayout.Page(box.getWidth(), box.getHeight()));
                List<List<TextPosition>> lines = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        List<TextPosition> glyphs = positions.stream()
                                .filter(t -> !t.getUnicode().isBlank()).toList();
                        if (glyphs.isEmpty()) {
                            return;
                        }
                        List<TextPosition> last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                        TextPosition end = last == null ? null : last.get(last.size() - 1);
                        if (end != null && Math.abs(end.getYDirAdj() - glyphs.get(0).getYDirAdj()) < 1f
                                && glyphs.get(0).getXDirAdj() > end.getXDirAdj()) {
                            last.addAll(glyphs);
                        } else {
                            lines.add(new ArrayList<>(glyphs));
                        }
                    }
                };
                stripper.setSortByPosition(true);
                stripper.setStartPage(p + 1);
                stripper.setEndPage(p + 1);
                stripper.getText(doc);
                linesPerPage.add(lines);
            }
            StringBuilder text = new StringBuilder();
            List<TextLayout.Line> layoutLines = new ArrayList<>();
            List<Part> parts = new ArrayList<>();
            int position = 0;
            for (int p = 0; p < linesPerPage.size(); p++) {
                if (linesPerPage.get(p).isEmpty()) {
                    continue;
                }
                StringBuilder para = new StringBuilder();
                if (!text.isEmpty()) {
                    text.append("\n\n");
                    position += 2;
                }
                for (List<TextPosition> line : linesPerPage.get(p)) {
                    if (!para.isEmpty()) {
                        para.append(' ');
                        text.append(' ');
                        position++;
                    }
                    int start = position;
                    List<Float> edges = new ArrayList<>();
                    float top = Float.MAX_VALUE;
                    float bottom = 0;
                    TextPosition previous = null;
                    for (TextPosition t : line) {
                        if (previous != null && t.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj())
                                > previous.getWidthOfSpace() * 0.5f) {
                            para.append(' ');
                            text.append(' ');
                            edges.add(previous.getXDirAdj() + previous.getWidthDirAdj());
                            position++;
                        }
                        String u = t.getUnicode();
                        int n = u.codePointCount(0, u.length());
                        for (int i = 0; i < n; i++) {
                            edges.add(t.getXDirAdj() + t.getWidthDirAdj() * i / n);
                        }
                        para.append(u);
                        text.append(u);
                        position += n;
                        top = Math.min(top, t.getYDirAdj() - t.getHeightDir());
                        bottom = Math.max(bottom, t.getYDirAdj());
                        previous = t;
                    }
                    edges.add(previous.getXDirAdj() + previous.getWidthDirAdj());
                    float[] e = new float[edges.size()];
                    for (int i = 0; i < e.length; i++) {
                        e[i] = edges.get(i);
                    }
                    layoutLines.add(new TextLayout.Line(p, start, position, top, bottom, e));
                }
                parts.add(Part.of(BlockKind.PARAGRAPH, para.toString()));
            }
            if (layoutLines.isEmpty()) {
                throw new PdfProblem(PdfProblem.Reason.NO_TEXT,
                        "This PDF has no selectable text — run OCR on it first.");
            }
            Document document = Document.compose(parts);
            String title = document.blocks().stream().findFirst().map(Block::text)
                    .map(t -> t.length() > 80 ? t.substring(0, 80) : t).orElse("");
            return new Extraction(title, List.of(), document, new TextLayout(pages, layoutLines),
                    doc.getNumberOfPages());
        } catch (InvalidPasswordException e) {
            throw new PdfProblem(PdfProblem.Reason.ENCRYPTED, "This PDF is protected by a password.");
        } catch (IOException e) {
            throw new PdfProblem(PdfProblem.Reason.CORRUPT, "This PDF is damaged and cannot be read.");
        }
    }
}
