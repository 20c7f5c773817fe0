package app.marginalia.core.annotation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApproximateMatchTest {

    private static int[] cp(String s) {
        return s.codePoints().toArray();
    }

    @Test
    void shouldFindMatchesWithinTheErrorBound() {
        List<ApproximateMatch.Match> matches = ApproximateMatch.search(cp("the quick brown fox jumps"), cp("quikc brown"), 2);
        assertEquals(1, matches.size());
        assertEquals(4, matches.get(0).start());
        assertEquals(15, matches.get(0).end());
        assertEquals(2, matches.get(0).errors());
        assertEquals(List.of(), ApproximateMatch.search(cp("the quick brown fox"), cp("lazy dog!"), 2));
    }

    @Test
    void shouldHandlePatternsLongerThanOneMachineWord() {
        String pattern = "superposition ".repeat(10);
        String text = "start " + pattern.replaceFirst("superposition", "superpositon") + " end";
        List<ApproximateMatch.Match> matches = ApproximateMatch.search(cp(text), cp(pattern), 5);
        assertEquals(1, matches.size());
        assertEquals(1, matches.get(0).errors());
        assertEquals(6, matches.get(0).start());
    }

    @Property
    void lastRowScoresAgreeWithPlainDynamicProgramming(@ForAll @AlphaChars @StringLength(min = 1, max = 40) String text,
                                                      @ForAll @AlphaChars @StringLength(min = 1, max = 90) String pattern) {
        int[] t = cp(text.toLowerCase());
        int[] p = cp(pattern.toLowerCase());
        int[] fast = ApproximateMatch.lastRowScores(t, p, false);
        int[] column = new int[p.length + 1];
        for (int i = 0; i <= p.length; i++) {
            column[i] = i;
        }
        for (int j = 0; j < t.length; j++) {
            int diagonal = column[0];
            column[0] = 0;
            for (int i = 1; i <= p.length; i++) {
                int up = column[i];
                column[i] = Math.min(Math.min(column[i] + 1, column[i - 1] + 1), diagonal + (p[i - 1] == t[j] ? 0 : 1));
                diagonal = up;
            }
            assertEquals(column[p.length], fast[j], "at text position " + j);
        }
    }
}
