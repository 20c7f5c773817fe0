package app.marginalia.core.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of text on a page (one column's share of a baseline), as code points with their
 * x edges. A space inferred from a gap between glyphs is a code point of its own whose box runs
 * from the glyph before to the glyph after. Ligatures are already split into their letters.
 */
final class TextLine {

    enum Column { LEFT, RIGHT, FULL }

    /** One code point and its horizontal extent. */
    record Cell(int codePoint, float left, float right, boolean raised) {
    }

    final int page;
    final List<Cell> cells;
    final float baseline;
    final float top;
    final float bottom;
    final float size;
    final boolean bold;
    final boolean math;
    /** Gaps wider than a table column's separation, as indexes of the space cells standing for them. */
    final List<Integer> wideGaps;
    Column column = Column.FULL;
    final String text;

    TextLine(int page, List<Cell> cells, float baseline, float top, float bottom, float size, boolean bold,
             boolean math, List<Integer> wideGaps) {
        this.page = page;
        this.cells = cells;
        this.baseline = baseline;
        this.top = top;
        this.bottom = bottom;
        this.size = size;
        this.bold = bold;
        this.math = math;
        this.wideGaps = wideGaps;
        StringBuilder sb = new StringBuilder();
        for (Cell c : cells) {
            sb.appendCodePoint(c.codePoint());
        }
        this.text = sb.toString();
    }

    float left() {
        return cells.get(0).left();
    }

    float right() {
        return cells.get(cells.size() - 1).right();
    }

    /** The same line without its first {@code n} code points (and the spaces after them). */
    TextLine dropFirst(int n) {
        List<Cell> rest = new ArrayList<>(cells.subList(Math.min(n, cells.size()), cells.size()));
        while (!rest.isEmpty() && Character.isWhitespace(rest.get(0).codePoint())) {
            rest.remove(0);
        }
        if (rest.isEmpty()) {
            return null;
        }
        TextLine line = new TextLine(page, rest, baseline, top, bottom, size, bold, math, List.of());
        line.column = column;
        return line;
    }

    @Override
    public String toString() {
        return "p" + page + " " + column + " [" + left() + "-" + right() + " @" + baseline + " " + size + "] " + text;
    }
}
