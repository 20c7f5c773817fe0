package app.marginalia.core.annotation;

import app.marginalia.core.annotation.HighlightLayout.Range;
import app.marginalia.core.annotation.HighlightLayout.Segment;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HighlightLayoutTest {

    @Test
    void shouldLeaveTextWithoutHighlightsAsOneSegment() {
        assertEquals(List.of(new Segment(0, 10, List.of())), HighlightLayout.segments(0, 10, List.of()));
    }

    @Test
    void shouldSplitOverlappingHighlightsIntoFlatSegments() {
        List<Segment> segments = HighlightLayout.segments(0, 20, List.of(new Range(1, 2, 10), new Range(2, 6, 15)));
        assertEquals(List.of(
                new Segment(0, 2, List.of()),
                new Segment(2, 6, List.of(1L)),
                new Segment(6, 10, List.of(1L, 2L)),
                new Segment(10, 15, List.of(2L)),
                new Segment(15, 20, List.of())), segments);
    }

    @Test
    void shouldPutTheNarrowestOfNestedHighlightsFirst() {
        List<Segment> segments = HighlightLayout.segments(0, 10, List.of(new Range(7, 0, 10), new Range(8, 3, 5)));
        assertEquals(new Segment(3, 5, List.of(8L, 7L)), segments.get(1));
    }

    @Test
    void shouldClipHighlightsToTheParagraph() {
        List<Segment> segments = HighlightLayout.segments(100, 110, List.of(new Range(1, 95, 103), new Range(2, 108, 130),
                new Range(3, 0, 50)));
        assertEquals(List.of(new Segment(100, 103, List.of(1L)), new Segment(103, 108, List.of()),
                new Segment(108, 110, List.of(2L))), segments);
    }

    @Property
    void segmentsAlwaysTileTheTextAndCarryExactlyTheCoveringRanges(
            @ForAll @IntRange(min = 1, max = 200) int length, @ForAll @Size(max = 12) List<@IntRange(max = 1000) Integer> seeds) {
        Random random = new Random(seeds.hashCode());
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            int a = random.nextInt(length + 1);
            int b = random.nextInt(length + 1);
            ranges.add(new Range(i, Math.min(a, b), Math.max(a, b)));
        }
        List<Segment> segments = HighlightLayout.segments(0, length, ranges);
        int position = 0;
        for (Segment s : segments) {
            assertEquals(position, s.start());
            assertTrue(s.end() > s.start());
            for (Range r : ranges) {
                boolean covers = r.start() < r.end() && r.start() <= s.start() && r.end() >= s.end();
                assertEquals(covers, s.annotations().contains(r.id()));
            }
            position = s.end();
        }
        assertEquals(length, position);
    }
}
