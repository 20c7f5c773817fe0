package app.marginalia.core.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Where a document's characters stand on the pages of the PDF it was extracted from, written by
 * the same extraction that produced the canonical text, so highlights drawn from it cannot drift
 * from the offsets notes are anchored to. Coordinates are PDF points from the page's top-left corner.
 *
 * <p>A {@link Line} is a run of canonical text, [start, end) in code points, set on one line of
 * one page; {@code edges} holds end − start + 1 x positions: the left edge of each code point and
 * the right edge of the last (a ligature's letters share its glyph). Characters between lines (the
 * space or nothing that joins them) have no box.
 */
public record TextLayout(List<Page> pages, List<Line> lines) {

    private static final int FORMAT = 1;

    public TextLayout {
        pages = List.copyOf(pages);
        lines = List.copyOf(lines);
    }

    /** A page's size in points (its crop box, rotation applied). */
    public record Page(float width, float height) {
    }

    /** One line's worth of canonical text on a page; {@code page} counts from 0. */
    public record Line(int page, int start, int end, float top, float bottom, float[] edges) {

        public Line {
            if (start < 0 || end < start || edges.length != end - start + 1) {
                throw new IllegalArgumentException("A line of " + (end - start) + " characters needs "
                        + (end - start + 1) + " edges, not " + edges.length);
            }
        }

        public float left() {
            return edges[0];
        }

        public float right() {
            return edges[edges.length - 1];
        }
    }

    /** A rectangle on a page, in points. */
    public record Box(int page, float left, float top, float right, float bottom) {
    }

    /** The boxes covering [start, end) of the canonical text: one per line it touches, in text order. */
    public List<Box> boxes(int start, int end) {
        List<Box> boxes = new ArrayList<>();
        int first = firstLineEndingAfter(start);
        for (int i = first; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.start() >= end) {
                break;
            }
            int from = Math.max(start, line.start());
            int to = Math.min(end, line.end());
            if (from < to) {
                boxes.add(new Box(line.page(), line.edges()[from - line.start()], line.top(),
                        line.edges()[to - line.start()], line.bottom()));
            }
        }
        return boxes;
    }

    /** Lines are in text order, so a binary search finds the first that ends after {@code offset}. */
    private int firstLineEndingAfter(int offset) {
        int low = 0;
        int high = lines.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (lines.get(mid).end() <= offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The lines of one page, in text order. */
    public List<Line> linesOf(int page) {
        return lines.stream().filter(l -> l.page() == page).toList();
    }

    /** A compact, deflated binary form; {@link #decode} reads it back. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeInt(pages.size());
            for (Page p : pages) {
                out.writeFloat(p.width());
                out.writeFloat(p.height());
            }
            out.writeInt(lines.size());
            for (Line l : lines) {
                out.writeInt(l.page());
                out.writeInt(l.start());
                out.writeInt(l.end());
                out.writeFloat(l.top());
                out.writeFloat(l.bottom());
                for (float edge : l.edges()) {
                    out.writeFloat(edge);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static TextLayout decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(encoded)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("Unknown layout format " + format);
            }
            int pageCount = in.readInt();
            List<Page> pages = new ArrayList<>(pageCount);
            for (int i = 0; i < pageCount; i++) {
                pages.add(new Page(in.readFloat(), in.readFloat()));
            }
            int lineCount = in.readInt();
            List<Line> lines = new ArrayList<>(lineCount);
            for (int i = 0; i < lineCount; i++) {
                int page = in.readInt();
                int start = in.readInt();
                int end = in.readInt();
                float top = in.readFloat();
                float bottom = in.readFloat();
                float[] edges = new float[end - start + 1];
                for (int e = 0; e < edges.length; e++) {
                    edges[e] = in.readFloat();
                }
                lines.add(new Line(page, start, end, top, bottom, edges));
            }
            return new TextLayout(pages, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
