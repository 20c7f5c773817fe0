package app.marginalia.core.pdf;

import app.marginalia.core.pdf.GlyphCollector.Glyph;
import app.marginalia.core.pdf.GlyphCollector.PageGlyphs;
import app.marginalia.core.pdf.TextLine.Cell;
import app.marginalia.core.pdf.TextLine.Column;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns each page's glyphs into lines in reading order: glyphs grouped by baseline, split at the
 * column gutter when the page has two columns, running headers, footers and page numbers dropped.
 */
final class PageLayout {

    /** A space is inferred where glyphs are further apart than this share of the font size. */
    private static final float SPACE_GAP = 0.17f;
    /** Gaps this wide (share of the body size) may separate columns; used to find the gutter. */
    private static final float SEGMENT_GAP = 0.75f;
    /** Gaps this wide separate table cells or side-by-side author blocks. */
    private static final float WIDE_GAP = 1.1f;
    /** Share of the page height at the top and bottom where running headers and footers stand. */
    private static final float MARGIN_BAND = 0.11f;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)(page\\s*)?[-–—]?\\s*(\\d{1,4}|[ivxlc]{1,7})\\s*[-–—]?(\\s*(of|/)\\s*\\d{1,4})?");

    private PageLayout() {
    }

    /** The body text's font size: the most common size, counted in glyphs. */
    static float bodySize(List<PageGlyphs> pages) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (PageGlyphs page : pages) {
            for (Glyph g : page.glyphs()) {
                counts.merge(Math.round(g.size() * 2), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() / 2f).orElse(10f);
    }

    /** Every page's lines in reading order, without running headers, footers and page numbers. */
    static List<List<TextLine>> read(List<PageGlyphs> pages, float body) {
        List<List<TextLine>> perPage = new ArrayList<>();
        for (PageGlyphs page : pages) {
            perPage.add(lines(page, body));
        }
        dropRunningHeads(perPage, pages);
        List<List<TextLine>> ordered = new ArrayList<>();
        for (List<TextLine> lines : perPage) {
            ordered.add(readingOrder(lines));
        }
        return ordered;
    }

    private static List<TextLine> lines(PageGlyphs page, float body) {
        List<Glyph> glyphs = new ArrayList<>(page.glyphs());
        glyphs.sort(Comparator.comparingDouble(Glyph::baseline));
        // Glyphs whose baselines are close share a line (a superscript or subscript stays on its line).
        List<List<Glyph>> clusters = new ArrayList<>();
        float anchor = Float.NEGATIVE_INFINITY;
        for (Glyph g : glyphs) {
            if (clusters.isEmpty() || g.baseline() - anchor > 0.45f * body) {
                clusters.add(new ArrayList<>());
                anchor = g.baseline();
            }
            clusters.get(clusters.size() - 1).add(g);
        }
        List<List<List<Glyph>>> segmented = new ArrayList<>();
        List<float[]> extents = new ArrayList<>();
        for (List<Glyph> cluster : clusters) {
            cluster.sort(Comparator.comparingDouble(Glyph::left));
            List<List<Glyph>> segments = new ArrayList<>();
            List<Glyph> current = new ArrayList<>();
            float right = Float.NEGATIVE_INFINITY;
            for (Glyph g : cluster) {
                if (!current.isEmpty() && g.left() - right > SEGMENT_GAP * body) {
                    segments.add(current);
                    current = new ArrayList<>();
                }
                current.add(g);
                right = Math.max(right, g.right());
            }
            segments.add(current);
            segmented.add(segments);
            for (List<Glyph> s : segments) {
                extents.add(new float[] {s.get(0).left(), s.stream().map(Glyph::right).max(Float::compare).get()});
            }
        }
        float gutter = gutter(extents, page.width());
        List<TextLine> lines = new ArrayList<>();
        for (List<List<Glyph>> segments : segmented) {
            boolean crossing = Float.isNaN(gutter) || segments.stream().anyMatch(s -> s.get(0).left() < gutter
                    && s.stream().anyMatch(g -> g.right() > gutter));
            if (crossing) {
                List<Glyph> all = new ArrayList<>();
                segments.forEach(all::addAll);
                addLine(lines, page.index(), all, Column.FULL, body);
            } else {
                List<Glyph> left = new ArrayList<>();
                List<Glyph> right = new ArrayList<>();
                for (List<Glyph> s : segments) {
                    (s.get(0).left() < gutter ? left : right).addAll(s);
                }
                addLine(lines, page.index(), left, Column.LEFT, body);
                addLine(lines, page.index(), right, Column.RIGHT, body);
            }
        }
        return lines;
    }

    /**
     * The x of the gap between two columns, or NaN for a one-column page: the position in the
     * middle of the page crossed by the fewest segments, when enough text stands on both sides of it
     * and the text crossing it (a title, a spanning abstract or figure) is the smaller share.
     */
    private static float gutter(List<float[]> extents, float width) {
        int from = Math.round(width * 0.3f);
        int to = Math.round(width * 0.7f);
        int best = -1;
        int bestCrossing = Integer.MAX_VALUE;
        int bestEnd = -1;
        for (int x = from; x <= to; x++) {
            int crossing = 0;
            for (float[] e : extents) {
                if (e[0] < x && e[1] > x) {
                    crossing++;
                }
            }
            if (crossing < bestCrossing) {
                bestCrossing = crossing;
                best = x;
                bestEnd = x;
            } else if (crossing == bestCrossing && bestEnd == x - 1) {
                bestEnd = x;
            }
        }
        if (best < 0) {
            return Float.NaN;
        }
        float x = (best + bestEnd) / 2f;
        int left = 0;
        int right = 0;
        for (float[] e : extents) {
            if (e[1] <= x) {
                left++;
            } else if (e[0] >= x) {
                right++;
            }
        }
        return left >= 5 && right >= 5 && bestCrossing < (left + right) / 2 ? x : Float.NaN;
    }

    private static void addLine(List<TextLine> lines, int page, List<Glyph> glyphs, Column column, float body) {
        if (glyphs.isEmpty()) {
            return;
        }
        glyphs.sort(Comparator.comparingDouble(Glyph::left));
        Map<Integer, Integer> sizes = new HashMap<>();
        Map<Integer, Integer> baselines = new HashMap<>();
        int bold = 0;
        int letters = 0;
        boolean math = false;
        for (Glyph g : glyphs) {
            sizes.merge(Math.round(g.size() * 2), 1, Integer::sum);
            baselines.merge(Math.round(g.baseline() * 4), 1, Integer::sum);
            if (g.text().codePoints().anyMatch(Character::isLetterOrDigit)) {
                letters++;
                bold += g.bold() ? 1 : 0;
            }
            math |= g.math();
        }
        float size = mode(sizes) / 2f;
        float baseline = mode(baselines) / 4f;
        List<Cell> cells = new ArrayList<>();
        List<Integer> wideGaps = new ArrayList<>();
        float top = Float.POSITIVE_INFINITY;
        float bottom = Float.NEGATIVE_INFINITY;
        float previousRight = Float.NaN;
        float previousSize = size;
        for (Glyph g : glyphs) {
            List<String> letters1 = letters(g.text());
            if (letters1.isEmpty()) {
                continue;
            }
            if (Character.getType(letters1.get(0).codePointAt(0)) == Character.NON_SPACING_MARK && !cells.isEmpty()) {
                // An accent PDFBox did not merge: combine it with the letter before when NFC allows.
                Cell last = cells.get(cells.size() - 1);
                String combined = Normalizer.normalize(new String(Character.toChars(last.codePoint()))
                        + letters1.get(0), Normalizer.Form.NFC);
                if (combined.codePointCount(0, combined.length()) == 1) {
                    cells.set(cells.size() - 1, new Cell(combined.codePointAt(0), last.left(), last.right(), last.raised()));
                }
                continue;
            }
            float gap = g.left() - previousRight;
            boolean raised = g.baseline() < baseline - 0.15f * size;
            // After a raised mark (a footnote's number) any real gap is a space, however narrow.
            boolean afterMark = !cells.isEmpty() && cells.get(cells.size() - 1).raised() && !raised && gap > 0.3f;
            if (!cells.isEmpty() && (afterMark || gap > SPACE_GAP * Math.max(g.size(), previousSize))) {
                if (gap > WIDE_GAP * body) {
                    wideGaps.add(cells.size());
                }
                cells.add(new Cell(' ', previousRight, g.left(), false));
            }
            float width = (g.right() - g.left()) / letters1.size();
            for (int i = 0; i < letters1.size(); i++) {
                cells.add(new Cell(letters1.get(i).codePointAt(0), g.left() + i * width,
                        i == letters1.size() - 1 ? g.right() : g.left() + (i + 1) * width, raised));
            }
            top = Math.min(top, g.baseline() - 0.8f * g.size());
            bottom = Math.max(bottom, g.baseline() + 0.25f * g.size());
            previousRight = Float.isNaN(previousRight) ? g.right() : Math.max(previousRight, g.right());
            previousSize = g.size();
        }
        if (cells.isEmpty()) {
            return;
        }
        lines.add(withColumn(new TextLine(page, cells, baseline, top, bottom, size,
                letters > 0 && bold * 10 >= letters * 6, math, wideGaps), column));
    }

    private static TextLine withColumn(TextLine line, Column column) {
        line.column = column;
        return line;
    }

    /** A glyph's text as code points: NFC, ligatures (U+FB00–FB06) as their letters, no controls. */
    static List<String> letters(String text) {
        StringBuilder expanded = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp >= 0xFB00 && cp <= 0xFB06) {
                expanded.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC));
            } else if (!Character.isISOControl(cp) && !Character.isWhitespace(cp) && cp != 0xFEFF && cp != 0xFFFD) {
                expanded.appendCodePoint(cp);
            }
        });
        String nfc = Normalizer.normalize(expanded, Normalizer.Form.NFC);
        List<String> out = new ArrayList<>();
        nfc.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }

    private static int mode(Map<Integer, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).get().getKey();
    }

    /**
     * Drops lines in the top or bottom band of a page that are bare page numbers, or whose text
     * (digits ignored) stands in the same band of another page: running headers and footers.
     */
    private static void dropRunningHeads(List<List<TextLine>> perPage, List<PageGlyphs> pages) {
        Map<String, Set<Integer>> seen = new HashMap<>();
        for (int p = 0; p < perPage.size(); p++) {
            for (TextLine line : perPage.get(p)) {
                String band = band(line, pages.get(p).height());
                if (band != null) {
                    for (String piece : pieces(line)) {
                        seen.computeIfAbsent(band + key(piece), k -> new HashSet<>()).add(p);
                    }
                }
            }
        }
        for (int p = 0; p < perPage.size(); p++) {
            float height = pages.get(p).height();
            perPage.get(p).removeIf(line -> {
                String band = band(line, height);
                return band != null && (PAGE_NUMBER.matcher(line.text.strip()).matches()
                        || pieces(line).stream().allMatch(piece -> PAGE_NUMBER.matcher(piece.strip()).matches()
                                || seen.get(band + key(piece)).size() >= 2));
            });
        }
    }

    /** A line's text, and the parts of it set apart by wide gaps (a header's left and right halves). */
    private static List<String> pieces(TextLine line) {
        List<String> pieces = new ArrayList<>();
        pieces.add(line.text);
        int from = 0;
        for (int gap : line.wideGaps) {
            pieces.add(line.text.substring(line.text.offsetByCodePoints(0, from), line.text.offsetByCodePoints(0, gap)));
            from = gap + 1;
        }
        if (!line.wideGaps.isEmpty()) {
            pieces.add(line.text.substring(line.text.offsetByCodePoints(0, from)));
            pieces.remove(0);
        }
        return pieces;
    }

    private static String band(TextLine line, float height) {
        if (line.bottom < height * MARGIN_BAND) {
            return "top:";
        }
        if (line.top > height * (1 - MARGIN_BAND)) {
            return "bottom:";
        }
        return null;
    }

    private static String key(String text) {
        return text.replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Top to bottom; on a two-column page, the lines between two full-width lines form a band,
     * read left column first, then right column.
     */
    private static List<TextLine> readingOrder(List<TextLine> lines) {
        lines.sort(Comparator.comparingDouble((TextLine l) -> l.baseline).thenComparingDouble(TextLine::left));
        List<TextLine> ordered = new ArrayList<>(lines.size());
        List<TextLine> left = new ArrayList<>();
        List<TextLine> right = new ArrayList<>();
        for (TextLine line : lines) {
            switch (line.column) {
                case LEFT -> left.add(line);
                case RIGHT -> right.add(line);
                case FULL -> {
                    ordered.addAll(left);
                    ordered.addAll(right);
                    left.clear();
                    right.clear();
                    ordered.add(line);
                }
            }
        }
        ordered.addAll(left);
        ordered.addAll(right);
        return ordered;
    }
}
