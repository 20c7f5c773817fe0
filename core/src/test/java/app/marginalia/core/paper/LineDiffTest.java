package app.marginalia.core.paper;

import app.marginalia.core.paper.LineDiff.Kind;
import app.marginalia.core.paper.LineDiff.Line;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineDiffTest {

    private static String render(List<Line> lines) {
        return lines.stream().map(l -> l.marker() + l.text()).collect(Collectors.joining("\n"));
    }

    @Test
    void shouldShowAReplacedParagraphAsTheOldLineThenTheNewOne() {
        String before = "It was the best of times,\nit was the worst of times,\nit was the age of wisdom.";
        String after = "It was the best of times,\nit was the blurst of times,\nit was the age of wisdom.";
        assertEquals("""
                  It was the best of times,
                - it was the worst of times,
                + it was the blurst of times,
                  it was the age of wisdom.""", render(LineDiff.of(before, after)));
    }

    @Test
    void shouldFoldLongUnchangedRunsAroundAChange() {
        String before = IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String after = before.replace("line 10\n", "line ten\n");
        assertEquals("""
                … 7 unchanged lines
                  line 8
                  line 9
                - line 10
                + line ten
                  line 11
                  line 12
                … 8 unchanged lines""", render(LineDiff.of(before, after)));
    }

    @Test
    void shouldMatchMovedAndInsertedLinesInsideTheChangedMiddle() {
        String before = "Call me Ishmael.\nSome years ago.\nNever mind how long.";
        String after = "Call me Ishmael.\nA new sentence.\nSome years ago.\nNever mind how long precisely.";
        List<Line> diff = LineDiff.of(before, after);
        assertEquals(List.of(Kind.SAME, Kind.ADDED, Kind.SAME, Kind.REMOVED, Kind.ADDED),
                diff.stream().map(Line::kind).toList());
    }

    @Test
    void shouldShowNothingButFoldedLinesWhenTheTextIsTheSame() {
        assertEquals(List.of(new Line(Kind.SKIPPED, "3 unchanged lines")), LineDiff.of("a\nb\nc", "a\nb\nc"));
    }

    @Test
    void shouldReplaceAHugeChangedMiddleWholesaleInsteadOfMatchingItLineByLine() {
        String before = IntStream.range(0, 3000).mapToObj(i -> "old " + i).collect(Collectors.joining("\n"));
        String after = IntStream.range(0, 3000).mapToObj(i -> "new " + i).collect(Collectors.joining("\n"));
        long started = System.nanoTime();
        List<Line> diff = LineDiff.of(before, after);
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "a large text is diffed in well under two seconds");
        assertEquals(6000, diff.size());
        assertEquals(new Line(Kind.REMOVED, "old 0"), diff.get(0));
        assertEquals(new Line(Kind.ADDED, "new 0"), diff.get(3000));
    }
}
