package app.marginalia.web.pdf;

import app.marginalia.core.document.TextLayout;
import app.marginalia.persistence.paper.PaperFile;
import app.marginalia.web.annotation.DiscussionView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Lays a paper's pages out for one viewer. The highlights are the text view's own highlighted runs
 * (the same visible notes, the same narrowest-thread rule), turned into rectangles by the layout
 * the extraction wrote beside the canonical text, so a note covers the same words in both views.
 */
final class PageLayout {

    private PageLayout() {
    }

    static PdfView view(long paperId, PaperFile file, String canonical, TextLayout layout, DiscussionView discussion) {
        int[] codePoints = canonical.codePoints().toArray();
        List<List<PdfView.Highlight>> highlights = highlightsPerPage(layout, discussion);
        List<PdfView.Page> pages = new ArrayList<>();
        String base = "/papers/" + paperId + "/pages/" + file.sha256 + "/";
        for (int p = 0; p < layout.pages().size(); p++) {
            TextLayout.Page size = layout.pages().get(p);
            int number = p + 1;
            int height = Math.round(PageCache.WIDTH * size.height() / size.width());
            List<PdfView.Line> lines = new ArrayList<>();
            layout.linesOf(p).stream().sorted(Comparator.comparingInt(TextLayout.Line::start))
                    .filter(l -> l.end() <= codePoints.length && l.end() > l.start())
                    .forEach(l -> addRuns(lines, l, codePoints, size));
            pages.add(new PdfView.Page(number, base + number + "-" + PageCache.WIDTH + ".png",
                    base + number + "-" + PageCache.SMALL_WIDTH + ".png " + PageCache.SMALL_WIDTH + "w, "
                            + base + number + "-" + PageCache.WIDTH + ".png " + PageCache.WIDTH + "w",
                    PageCache.WIDTH, height, "0 0 " + number(size.width()) + " " + number(size.height()),
                    highlights.get(p), lines));
        }
        return new PdfView(paperId, true, true, file.fileName, file.pageCount, canonical, pages);
    }

    /**
     * A line of the text layer is stretched evenly over its box, which fits as long as its words are
     * evenly spaced. Where a space is much wider than the line's characters (a gap between columns
     * or table cells, a tab stop) the line is cut there, so each run fits its own glyphs.
     */
    private static void addRuns(List<PdfView.Line> out, TextLayout.Line line, int[] codePoints, TextLayout.Page size) {
        float[] edges = line.edges();
        int n = line.end() - line.start();
        float typical = (line.right() - line.left()) / n;
        int runStart = 0;
        for (int i = 0; i <= n; i++) {
            boolean gap = i < n && codePoints[line.start() + i] == ' '
                    && edges[i + 1] - edges[i] > Math.max(3 * typical, 4f);
            if (i == n || gap) {
                if (i > runStart) {
                    out.add(run(line, runStart, i, codePoints, size));
                }
                runStart = i + 1;
            }
        }
    }

    private static PdfView.Line run(TextLayout.Line line, int from, int to, int[] codePoints, TextLayout.Page size) {
        float left = line.edges()[from];
        float right = line.edges()[to];
        return new PdfView.Line(line.start() + from, line.start() + to,
                new String(codePoints, line.start() + from, to - from),
                percent(left, size.width()) + " " + percent(line.top(), size.height()) + " "
                        + percent(right - left, size.width()) + " " + percent(line.bottom() - line.top(), size.height()));
    }

    /** Every highlighted run of the text view, as rectangles on the pages its characters stand on. */
    private static List<List<PdfView.Highlight>> highlightsPerPage(TextLayout layout, DiscussionView discussion) {
        List<List<PdfView.Highlight>> perPage = new ArrayList<>();
        layout.pages().forEach(p -> perPage.add(new ArrayList<>()));
        for (DiscussionView.Paragraph paragraph : discussion.paragraphs()) {
            int position = paragraph.start();
            for (DiscussionView.Segment s : paragraph.segments()) {
                int length = s.text().codePointCount(0, s.text().length());
                if (s.highlighted()) {
                    String anchor = s.anchor();
                    for (TextLayout.Box box : layout.boxes(position, position + length)) {
                        if (box.page() < 0 || box.page() >= perPage.size()) {
                            continue;
                        }
                        perPage.get(box.page()).add(new PdfView.Highlight(number(box.left()), number(box.top()),
                                number(box.right() - box.left()), number(box.bottom() - box.top()), s.thread(),
                                s.kind(), s.overlapping(), s.annotationList(), anchor));
                        anchor = null; // the id goes on the first rectangle only, as on the first segment in the text view
                    }
                }
                position += length;
            }
        }
        return perPage;
    }

    private static String percent(float value, float of) {
        return String.format(Locale.ROOT, "%.3f", of <= 0 ? 0 : value * 100 / of);
    }

    private static String number(float value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
