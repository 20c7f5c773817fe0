package app.marginalia.web.pdf;

import java.util.List;

/**
 * What the reader needs of a paper's PDF: whether its current text version has one (for the
 * "Text | Pages" switch and the download link) and, in the page view, every page with the
 * highlights the viewer may see and the text layer that maps a selection to canonical offsets.
 */
public record PdfView(long paperId, boolean available, boolean paged, String fileName, int pageCount,
                      String canonical, List<Page> pages) {

    static PdfView none(long paperId) {
        return new PdfView(paperId, false, false, null, 0, null, List.of());
    }

    /**
     * One page, counting from 1, as an image {@code width}×{@code height} px with the page's own
     * size as the SVG view box, so highlight rectangles are in PDF points and need no CSS.
     */
    public record Page(int number, String src, String srcset, int width, int height, String viewBox,
                       List<Highlight> highlights, List<Line> lines) {

        /** The first page loads at once; the others as the reader scrolls to them. */
        public String loading() {
            return number == 1 ? "eager" : "lazy";
        }
    }

    /** A rectangle over the glyphs of a highlighted run, in points; a link to its thread. */
    public record Highlight(String x, String y, String width, String height, long thread, String kind,
                            boolean overlapping, String annotations, String anchor) {
    }

    /**
     * A line of the text layer: canonical text [start, end) and its box in percent of the page
     * ("left top width height"), placed over the glyphs by pages.js.
     */
    public record Line(int start, int end, String text, String box) {
    }
}
