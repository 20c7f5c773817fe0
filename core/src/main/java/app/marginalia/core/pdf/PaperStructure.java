package app.marginalia.core.pdf;

import app.marginalia.core.document.BlockKind;
import app.marginalia.core.document.Document;
import app.marginalia.core.document.Part;
import app.marginalia.core.document.TextLayout;
import app.marginalia.core.paper.CanonicalText;
import app.marginalia.core.pdf.GlyphCollector.PageGlyphs;
import app.marginalia.core.pdf.TextLine.Cell;
import app.marginalia.core.pdf.TextLine.Column;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paper in its lines: the title block (proposed as title and authors, not part of the text),
 * the abstract, headings, paragraphs, captions, tables, equations, footnotes and references, laid
 * out as one canonical text with the position of every line.
 */
final class PaperStructure {

    private static final Pattern ABSTRACT_HEADING = Pattern.compile("(?i)a\\s?b\\s?s\\s?t\\s?r\\s?a\\s?c\\s?t\\s*[.:—–-]?");
    private static final Pattern ABSTRACT_RUN_IN = Pattern.compile("(?i)(abstract\\s*[.:—–-]+\\s*)\\S.*");
    private static final Pattern NUMBERED = Pattern.compile("(\\d{1,2}(?:\\.\\d{1,2}){0,3}|[IVX]{1,5}|[A-H])\\.?\\s+\\p{Lu}.*");
    private static final Pattern REFERENCES = Pattern.compile(
            "(?i)(?:\\d{1,2}\\.?\\s+)?(references|bibliography|works cited|literature cited)\\.?");
    private static final Pattern CAPTION = Pattern.compile(
            "(Figure|Fig\\.|Table|Algorithm|Listing)\\s*[A-Z]?\\d+[a-z]?\\s*[.:|—–-]\\s*\\S.*");
    private static final Pattern REFERENCE_LABEL = Pattern.compile("(\\[\\d{1,4}]|\\d{1,3}\\.)\\s.*");
    private static final Pattern AFFILIATION = Pattern.compile("(?i).*(@|\\d|https?:|universit|institut|department|"
            + "dept\\.|laborator|\\blab\\b|college|school|society|cent(er|re)\\b|\\binc\\b|ltd|gmbh|corporation|"
            + "research|academy|faculty|hospital|foundation|\\bgroup\\b).*");
    /** First halves of compounds that a line may break after: kept hyphenated, see {@link #joins}. */
    private static final Set<String> COMPOUND_FIRST = Set.of("self", "well", "half", "cross", "non", "one", "two",
            "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty", "fifty",
            "sixty", "seventy", "eighty", "ninety", "hundred", "state", "high", "low", "long", "short", "real",
            "open", "fine", "large", "small", "first", "second", "third", "end", "user", "data", "time");

    private final float body;
    private final Map<String, float[]> geometry = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private String title = "";
    private List<String> authors = List.of();
    private Document document;
    private TextLayout layout;

    /** A block under construction: its kind and its lines. */
    private static final class Blk {
        final BlockKind kind;
        final int level;
        final boolean table;
        final List<TextLine> lines = new ArrayList<>();

        Blk(BlockKind kind, int level, boolean table) {
            this.kind = kind;
            this.level = level;
            this.table = table;
        }

        TextLine last() {
            return lines.get(lines.size() - 1);
        }

        boolean flowing() {
            return kind == BlockKind.PARAGRAPH || kind == BlockKind.REFERENCE || kind == BlockKind.ABSTRACT;
        }
    }

    private PaperStructure(float body) {
        this.body = body;
    }

    static PaperStructure of(List<PageGlyphs> pages, String infoTitle, String infoAuthor) {
        PaperStructure s = new PaperStructure(PageLayout.bodySize(pages));
        List<List<TextLine>> ordered = PageLayout.read(pages, s.body);
        List<TextLine> lines = new ArrayList<>();
        ordered.forEach(lines::addAll);
        s.measure(lines);
        int front = s.frontMatter(ordered.isEmpty() ? List.of() : ordered.get(0));
        s.proposeTitle(lines.subList(0, front), infoTitle, infoAuthor);
        List<Blk> blocks = s.blocks(lines.subList(front, lines.size()));
        s.layOut(blocks, pages);
        return s;
    }

    String title() {
        return title;
    }

    List<String> authors() {
        return authors;
    }

    Document document() {
        return document;
    }

    TextLayout layout() {
        return layout;
    }

    // ---- geometry -------------------------------------------------------------------------------

    /** Per page and column: the usual left and right edge of a line, and the lowest body-size baseline. */
    private void measure(List<TextLine> lines) {
        Map<String, Map<Integer, Integer>> lefts = new HashMap<>();
        Map<String, Map<Integer, Integer>> rights = new HashMap<>();
        Map<String, Float> lowest = new HashMap<>();
        for (TextLine l : lines) {
            String key = l.page + ":" + l.column;
            boolean bodySize = Math.abs(l.size - body) <= 0.6f;
            int weight = bodySize ? 100 : 1;
            lefts.computeIfAbsent(key, k -> new HashMap<>()).merge(Math.round(l.left()), weight, Integer::sum);
            rights.computeIfAbsent(key, k -> new HashMap<>()).merge(Math.round(l.right()), weight, Integer::sum);
            if (bodySize) {
                lowest.merge(key, l.baseline, Math::max);
            }
            for (String word : l.text.toLowerCase(Locale.ROOT).split("[^\\p{L}-]+")) {
                if (word.length() > 1 && !word.endsWith("-")) {
                    vocabulary.add(word);
                }
            }
        }
        for (String key : lefts.keySet()) {
            geometry.put(key, new float[] {mode(lefts.get(key)), mode(rights.get(key)),
                    lowest.getOrDefault(key, Float.POSITIVE_INFINITY)});
        }
    }

    private float[] geometry(TextLine l) {
        return geometry.get(l.page + ":" + l.column);
    }

    private static int mode(Map<Integer, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).get().getKey();
    }

    // ---- title block ----------------------------------------------------------------------------

    /**
     * How many lines of page 1 come before the text: everything before an "Abstract", or else
     * before the first numbered heading, or else the large-type lines at the top.
     */
    private int frontMatter(List<TextLine> first) {
        for (int i = 0; i < first.size(); i++) {
            String t = first.get(i).text.strip();
            if (ABSTRACT_HEADING.matcher(t).matches() || ABSTRACT_RUN_IN.matcher(t).matches()) {
                return i;
            }
        }
        for (int i = 0; i < first.size(); i++) {
            TextLine l = first.get(i);
            if (heading(l) > 0 && (NUMBERED.matcher(l.text.strip()).matches() || REFERENCES.matcher(l.text.strip()).matches())) {
                return i;
            }
        }
        int i = 0;
        while (i < first.size() && first.get(i).size > body * 1.15f) {
            i++;
        }
        return i;
    }

    private void proposeTitle(List<TextLine> front, String infoTitle, String infoAuthor) {
        String info = infoTitle == null ? "" : CanonicalText.singleLine(infoTitle);
        if (info.split(" ").length >= 2 && !info.matches("(?i).*\\.(pdf|tex|dvi|docx?|ps)$|^microsoft .*|^untitled.*")) {
            title = info;
        }
        float largest = 0;
        for (TextLine l : front) {
            largest = Math.max(largest, l.size);
        }
        int lastTitleLine = -1;
        StringBuilder fromPage = new StringBuilder();
        for (int i = 0; i < front.size() && largest > body * 1.1f; i++) {
            if (front.get(i).size >= largest - 0.5f) {
                fromPage.append(fromPage.isEmpty() ? "" : " ").append(front.get(i).text.strip());
                lastTitleLine = i;
            } else if (lastTitleLine >= 0) {
                break;
            }
        }
        if (title.isEmpty()) {
            title = CanonicalText.singleLine(fromPage.toString());
        }
        String infoAuthors = infoAuthor == null ? "" : CanonicalText.singleLine(infoAuthor);
        if (!infoAuthors.isEmpty()) {
            authors = splitAuthors(infoAuthors);
            return;
        }
        List<String> names = new ArrayList<>();
        for (int i = lastTitleLine + 1; i < front.size(); i++) {
            TextLine l = front.get(i);
            int from = 0;
            List<Integer> cuts = new ArrayList<>(l.wideGaps);
            cuts.add(l.cells.size());
            for (int cut : cuts) {
                StringBuilder piece = new StringBuilder();
                l.cells.subList(from, cut).forEach(c -> piece.appendCodePoint(c.codePoint()));
                from = Math.min(cut + 1, l.cells.size());
                String text = piece.toString().strip();
                if (!text.isEmpty() && !AFFILIATION.matcher(text).matches()) {
                    names.addAll(splitAuthors(text));
                }
            }
        }
        authors = names;
    }

    static List<String> splitAuthors(String line) {
        List<String> names = new ArrayList<>();
        for (String name : line.split("\\s*(,|;|·|\\band\\b|&)\\s*")) {
            String clean = name.replaceAll("[*†‡§¶∗\\d]+$", "").strip();
            if (!clean.isEmpty() && !clean.equalsIgnoreCase("et al.") && clean.codePoints().anyMatch(Character::isLetter)) {
                names.add(clean);
            }
        }
        return names;
    }

    // ---- blocks ---------------------------------------------------------------------------------

    /** Heading level (1–3) of a line that reads as a heading, or 0. */
    private int heading(TextLine l) {
        String t = l.text.strip();
        boolean big = l.size >= body * 1.12f;
        if (t.isEmpty() || t.length() > 120 || !(l.bold || big) || l.size < body * 0.95f) {
            return 0;
        }
        if (REFERENCES.matcher(t).matches()) {
            return 1;
        }
        if (t.endsWith(".") || t.endsWith(",") || t.split("\\s+").length > 15 || CAPTION.matcher(t).matches()) {
            return 0;
        }
        Matcher numbered = NUMBERED.matcher(t);
        if (numbered.matches()) {
            return Math.min(3, numbered.group(1).split("\\.").length);
        }
        return l.size >= body * 1.3f ? 1 : big ? 2 : 3;
    }

    private List<Blk> blocks(List<TextLine> lines) {
        List<Blk> out = new ArrayList<>();
        List<Blk> queue = new ArrayList<>();
        Blk[] flow = {null};
        Blk[] flt = {null};
        Runnable closeFlow = () -> {
            if (flow[0] != null) {
                out.add(flow[0]);
                flow[0] = null;
            }
            out.addAll(queue);
            queue.clear();
        };
        Runnable closeFloat = () -> {
            if (flt[0] == null) {
                return;
            }
            if (flow[0] != null && flow[0].flowing()) {
                queue.add(flt[0]); // a float interrupting a paragraph follows that paragraph
            } else {
                closeFlow.run();
                out.add(flt[0]);
            }
            flt[0] = null;
        };
        boolean inAbstract = false;
        boolean inReferences = false;
        for (TextLine line : lines) {
            String t = line.text.strip();
            float[] g = geometry(line);
            if (ABSTRACT_HEADING.matcher(t).matches()) {
                closeFloat.run();
                closeFlow.run();
                inAbstract = true;
                continue;
            }
            Matcher runIn = ABSTRACT_RUN_IN.matcher(t);
            if (runIn.matches() && !inAbstract) {
                closeFloat.run();
                closeFlow.run();
                inAbstract = true;
                line = line.dropFirst(runIn.group(1).codePointCount(0, runIn.group(1).length()));
                flow[0] = new Blk(BlockKind.ABSTRACT, 0, false);
                flow[0].lines.add(line);
                continue;
            }
            int level = heading(line);
            if (level > 0) {
                closeFloat.run();
                Blk open = flow[0];
                if (open != null && open.kind == BlockKind.HEADING && open.last().page == line.page
                        && line.baseline - open.last().baseline < 2 * line.size
                        && Math.abs(open.last().size - line.size) < 0.5f && !NUMBERED.matcher(t).matches()) {
                    open.lines.add(line); // a heading on two lines
                    continue;
                }
                closeFlow.run();
                inAbstract = false;
                inReferences = REFERENCES.matcher(t).matches();
                flow[0] = new Blk(BlockKind.HEADING, level, false);
                flow[0].lines.add(line);
                continue;
            }
            if (inAbstract && flow[0] != null && flow[0].kind == BlockKind.ABSTRACT
                    && flow[0].last().column == Column.FULL && line.column != Column.FULL
                    && Math.abs(line.left() - g[0]) < 0.5f * body
                    && Math.abs(flow[0].last().left() - g[0]) >= 0.5f * body) {
                inAbstract = false; // the spanning abstract ends where the columns begin
            }
            if (CAPTION.matcher(t).matches()) {
                closeFloat.run();
                flt[0] = new Blk(BlockKind.CAPTION, 0, false);
                flt[0].lines.add(line);
                continue;
            }
            if (line.size < body * 0.9f && line.baseline > g[2] && !inAbstract) {
                boolean marker = line.cells.get(0).raised() || "*†‡§¶∗0123456789".indexOf(t.charAt(0)) >= 0;
                if (flt[0] != null && flt[0].kind == BlockKind.FOOTNOTE && !marker) {
                    flt[0].lines.add(line);
                } else {
                    closeFloat.run();
                    flt[0] = new Blk(BlockKind.FOOTNOTE, 0, false);
                    flt[0].lines.add(line);
                }
                continue;
            }
            boolean tableOpen = flt[0] != null && (flt[0].table
                    || (flt[0].kind == BlockKind.CAPTION && flt[0].lines.get(0).text.startsWith("Table")));
            if (line.wideGaps.size() >= 2 || (tableOpen && !line.wideGaps.isEmpty())) {
                if (flt[0] == null || !flt[0].table) {
                    closeFloat.run();
                    flt[0] = new Blk(BlockKind.PARAGRAPH, 0, true);
                }
                flt[0].lines.add(line);
                continue;
            }
            if (flt[0] != null && flt[0].kind == BlockKind.CAPTION && sameColumn(flt[0].last(), line)
                    && line.baseline - flt[0].last().baseline < 1.6f * line.size) {
                flt[0].lines.add(line);
                continue;
            }
            closeFloat.run();
            float indent = line.left() - g[0];
            if (line.math && !inAbstract && indent > 3 * body
                    && (g[1] - line.right() > 3 * body || t.matches(".*\\(\\d{1,3}[a-z]?\\)"))) {
                Blk open = flow[0];
                if (open != null && open.kind == BlockKind.EQUATION && sameColumn(open.last(), line)
                        && line.baseline - open.last().baseline < 2.5f * line.size) {
                    open.lines.add(line);
                } else {
                    closeFlow.run();
                    flow[0] = new Blk(BlockKind.EQUATION, 0, false);
                    flow[0].lines.add(line);
                }
                continue;
            }
            BlockKind kind = inAbstract ? BlockKind.ABSTRACT : inReferences ? BlockKind.REFERENCE : BlockKind.PARAGRAPH;
            if (startsBlock(flow[0], kind, line, t, g)) {
                closeFlow.run();
                flow[0] = new Blk(kind, 0, false);
            }
            flow[0].lines.add(line);
        }
        closeFloat.run();
        closeFlow.run();
        return out;
    }

    private static boolean sameColumn(TextLine a, TextLine b) {
        return a.page == b.page && a.column == b.column;
    }

    /** Whether a body line begins a new paragraph (or reference entry) rather than continuing one. */
    private boolean startsBlock(Blk open, BlockKind kind, TextLine line, String t, float[] g) {
        if (open == null || open.kind != kind) {
            return true;
        }
        TextLine last = open.last();
        if (kind == BlockKind.REFERENCE) {
            if (REFERENCE_LABEL.matcher(t).matches()) {
                return true;
            }
            // Entries without labels: a line back at the margin after indented continuation lines.
            return open.lines.size() > 1 && Math.abs(line.left() - g[0]) < 0.5f * body
                    && last.left() - geometry(last)[0] > 0.5f * body;
        }
        boolean below = last.page == line.page && line.baseline > last.baseline
                && (last.column == line.column || line.baseline - last.baseline < 1.8f * line.size);
        if (below) {
            if (line.left() > last.left() + 0.5f * body) {
                return true; // an indented first line
            }
            if (line.baseline - last.baseline > 1.8f * line.size) {
                return true; // a blank line's worth of space
            }
            return last.right() < geometry(last)[1] - 3 * body && last.text.matches(".*[.!?:]$");
        }
        // Top of a new column or page: a paragraph carries on unless this line is indented.
        return line.left() - g[0] > 0.5f * body;
    }

    // ---- text and layout ------------------------------------------------------------------------

    private void layOut(List<Blk> blocks, List<PageGlyphs> pages) {
        List<Part> parts = new ArrayList<>();
        List<TextLayout.Line> placed = new ArrayList<>();
        int position = 0;
        for (Blk b : blocks) {
            StringBuilder text = new StringBuilder();
            List<TextLayout.Line> lines = new ArrayList<>();
            int length = 0;
            for (int i = 0; i < b.lines.size(); i++) {
                TextLine line = b.lines.get(i);
                List<Cell> cells = line.cells;
                String joiner = "";
                if (i > 0) {
                    joiner = b.table ? "\n" : brokenWord(b.lines.get(i - 1).text, line.text) ? "" : " ";
                }
                text.append(joiner);
                length += joiner.length();
                // A hyphen that joins this line's last word to the next line's first has no offset.
                int keep = cells.size();
                if (!b.table && i + 1 < b.lines.size() && joins(line.text, b.lines.get(i + 1).text)) {
                    keep--;
                }
                float[] edges = new float[keep + 1];
                for (int c = 0; c < keep; c++) {
                    text.appendCodePoint(cells.get(c).codePoint());
                    edges[c] = cells.get(c).left();
                }
                edges[keep] = keep == 0 ? line.left() : cells.get(keep - 1).right();
                if (keep > 0) {
                    lines.add(new TextLayout.Line(line.page, position + length, position + length + keep,
                            line.top, line.bottom, edges));
                }
                length += keep;
            }
            String body = text.toString();
            if (body.isBlank()) {
                continue;
            }
            if (!CanonicalText.of(body).equals(body)) {
                // Cannot happen for text built from glyphs as above; keep the text, not the geometry.
                body = CanonicalText.of(body);
                lines.clear();
            }
            if (!parts.isEmpty()) {
                position += 2;
                for (int i = 0; i < lines.size(); i++) {
                    TextLayout.Line l = lines.get(i);
                    lines.set(i, new TextLayout.Line(l.page(), l.start() + 2, l.end() + 2, l.top(), l.bottom(), l.edges()));
                }
            }
            parts.add(new Part(b.kind, b.level, body));
            placed.addAll(lines);
            position += CanonicalText.length(body);
        }
        document = Document.compose(parts);
        List<TextLayout.Page> sizes = new ArrayList<>();
        for (PageGlyphs p : pages) {
            sizes.add(new TextLayout.Page(p.width(), p.height()));
        }
        layout = new TextLayout(sizes, placed);
    }

    /** A line ending in a hyphen after a letter, and the next starting with a letter: one word across lines. */
    private static boolean brokenWord(String line, String next) {
        return line.length() >= 2 && (line.endsWith("-") || line.endsWith("\u2010") || line.endsWith("\u00AD"))
                && Character.isLetter(line.codePointBefore(line.length() - 1))
                && !next.isEmpty() && Character.isLetter(next.codePointAt(0));
    }

    /**
     * Whether {@code line} ends with a hyphen that only splits a word across lines, so that the
     * hyphen is dropped: a soft hyphen always; otherwise a hyphen after a letter, followed by a
     * lower-case letter, unless the hyphenated form is a compound — the next part has a hyphen of
     * its own ("state-of-the-art"), the document writes the hyphenated form elsewhere, or the first
     * part is a usual first half of a compound ("fifty-page", "self-selected") and the document never
     * writes the joined form. A hyphen before an upper-case letter or a digit is kept.
     */
    boolean joins(String line, String next) {
        if (line.endsWith("\u00AD")) {
            return true;
        }
        if (line.length() < 2 || !(line.endsWith("-") || line.endsWith("\u2010"))
                || !Character.isLetter(line.codePointBefore(line.length() - 1)) || next.isEmpty()
                || !Character.isLowerCase(next.codePointAt(0))) {
            return false;
        }
        String[] words = line.substring(0, line.length() - 1).split("[^\\p{L}]+");
        String first = words.length == 0 ? "" : words[words.length - 1].toLowerCase(Locale.ROOT);
        String rest = next.split("[\\s,.;:!?()\\[\\]]+", 2)[0].toLowerCase(Locale.ROOT);
        if (rest.contains("-")) {
            return false;
        }
        String word = rest.replaceAll("[^\\p{L}]+$", "");
        if (vocabulary.contains(first + "-" + word)) {
            return false;
        }
        if (vocabulary.contains(first + word)) {
            return true;
        }
        return !COMPOUND_FIRST.contains(first);
    }
}
