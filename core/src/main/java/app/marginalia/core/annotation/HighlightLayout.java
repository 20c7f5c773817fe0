package app.marginalia.core.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Lays overlapping and nested highlights out as flat segments: the text between any two
 * consecutive range boundaries is one segment, carrying every annotation that covers it.
 * HTML cannot nest overlapping {@code <mark>}s, so the reader renders these segments instead.
 */
public final class HighlightLayout {

    /** A highlighted range of the text, in code points. */
    public record Range(long id, int start, int end) {
    }

    /** [start, end) of the text and the annotations covering it, narrowest first (empty: plain text). */
    public record Segment(int start, int end, List<Long> annotations) {
    }

    private HighlightLayout() {
    }

    /** Segments covering exactly [from, to), in order, with no gaps and no empty segments. */
    public static List<Segment> segments(int from, int to, List<Range> ranges) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(from, to));
        // Only the ranges that touch [from, to) can cover a segment of it: a paper's 1,000 highlights
        // are looked through once per block, not once per segment.
        List<Range> touching = new ArrayList<>();
        for (Range r : ranges) {
            if (r.start() < to && r.end() > from && r.start() < r.end()) {
                cuts.add(Math.max(from, r.start()));
                cuts.add(Math.min(to, r.end()));
                touching.add(r);
            }
        }
        List<Segment> segments = new ArrayList<>();
        Integer start = null;
        for (int cut : cuts) {
            if (start != null && cut > start) {
                int s = start;
                List<Long> covering = touching.stream().filter(r -> r.start() <= s && r.end() >= cut)
                        .sorted((a, b) -> Integer.compare(a.end() - a.start(), b.end() - b.start()) != 0
                                ? Integer.compare(a.end() - a.start(), b.end() - b.start()) : Long.compare(a.id(), b.id()))
                        .map(Range::id).toList();
                segments.add(new Segment(s, cut, covering));
            }
            start = cut;
        }
        return segments;
    }
}
