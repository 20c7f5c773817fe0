package app.marginalia.core.annotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Approximate string search with at most {@code k} edits (insertions, deletions,
 * substitutions), by Myers' bit-parallel algorithm in its blocked form for patterns longer
 * than 64 code points (Myers 1999; Hyyrö 2003): O(n · ⌈m/64⌉) for a text of n and a pattern of
 * m code points. Works on code points, like every offset in Marginalia.
 */
final class ReferenceApproximateMatch {

    /** A match of the pattern to text[start, end) with {@code errors} edits. */
    public record Match(int start, int end, int errors) {
    }

    private ReferenceApproximateMatch() {
    }

    /**
     * The best match around each place the pattern occurs with at most {@code maxErrors} edits:
     * among overlapping end positions only the one with the fewest errors is kept.
     */
    public static List<Match> search(int[] text, int[] pattern, int maxErrors) {
        int m = pattern.length;
        if (m == 0 || text.length == 0) {
            return List.of();
        }
        int[] errorsAtEnd = lastRowScores(text, pattern, false);
        List<Match> matches = new ArrayList<>();
        int j = 0;
        while (j < text.length) {
            if (errorsAtEnd[j] > maxErrors) {
                j++;
                continue;
            }
            // A run of acceptable end positions is one occurrence: keep its best end.
            int best = j;
            while (j + 1 < text.length && errorsAtEnd[j + 1] <= maxErrors) {
                j++;
                if (errorsAtEnd[j] < errorsAtEnd[best]) {
                    best = j;
                }
            }
            int end = best + 1;
            matches.add(new Match(startOf(text, pattern, end, errorsAtEnd[best]), end, errorsAtEnd[best]));
            j++;
        }
        return matches;
    }

    /**
     * For each text position j, the edit distance of the whole pattern to the best substring of
     * the text ending at j ({@code anchored}: to the text's prefix ending at j).
     */
    static int[] lastRowScores(int[] text, int[] pattern, boolean anchored) {
        int m = pattern.length;
        int blocks = (m + 63) / 64;
        Map<Integer, long[]> peq = new HashMap<>();
        for (int i = 0; i < m; i++) {
            peq.computeIfAbsent(pattern[i], c -> new long[blocks])[i / 64] |= 1L << (i % 64);
        }
        long[] empty = new long[blocks];
        long[] pv = new long[blocks];
        long[] mv = new long[blocks];
        Arrays.fill(pv, -1L);
        long lastBit = 1L << ((m - 1) % 64);
        int score = m;
        int[] scores = new int[text.length];
        for (int j = 0; j < text.length; j++) {
            long[] eqs = peq.getOrDefault(text[j], empty);
            // Search mode: the pattern may start anywhere, so the top row is all zeros and carries
            // no change in; anchored, the top row grows by one per column.
            int hIn = anchored ? 1 : 0;
            for (int b = 0; b < blocks; b++) {
                long mask = b == blocks - 1 ? lastBit : 1L << 63;
                long p = pv[b];
                long mm = mv[b];
                long eq = eqs[b] | (hIn < 0 ? 1L : 0L);
                long xv = eq | mm;
                long xh = (((eq & p) + p) ^ p) | eq;
                long ph = mm | ~(xh | p);
                long mh = p & xh;
                int hOut = (ph & mask) != 0 ? 1 : (mh & mask) != 0 ? -1 : 0;
                ph = (ph << 1) | (hIn > 0 ? 1L : 0L);
                mh = (mh << 1) | (hIn < 0 ? 1L : 0L);
                pv[b] = mh | ~(xv | ph);
                mv[b] = ph & xv;
                hIn = hOut;
            }
            score += hIn;
            scores[j] = score;
        }
        return scores;
    }

    /** Where a match ending at {@code end} with {@code errors} edits starts: searched backwards. */
    private static int startOf(int[] text, int[] pattern, int end, int errors) {
        int window = Math.min(end, pattern.length + errors);
        int[] reversedText = new int[window];
        for (int i = 0; i < window; i++) {
            reversedText[i] = text[end - 1 - i];
        }
        int[] reversedPattern = new int[pattern.length];
        for (int i = 0; i < pattern.length; i++) {
            reversedPattern[i] = pattern[pattern.length - 1 - i];
        }
        int[] scores = lastRowScores(reversedText, reversedPattern, true);
        int bestLength = window;
        int bestScore = Integer.MAX_VALUE;
        for (int i = 0; i < window; i++) {
            // The span that costs fewest edits; the shortest of equally good ones.
            if (scores[i] < bestScore) {
                bestScore = scores[i];
                bestLength = i + 1;
            }
        }
        return end - bestLength;
    }

    /** Levenshtein distance of two short strings of code points, for scoring context. */
    static int distance(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
