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
public final class ApproximateMatch {

    /** A match of the pattern to text[start, end) with {@code errors} edits. */
    public record Match(int start, int end, int errors) {
    }

    private ApproximateMatch() {
    }

    /**
     * The best match around each place the pattern occurs with at most {@code maxErrors} edits:
     * among overlapping end positions only the one with the fewest errors is kept.
     */
    public static List<Match> search(int[] text, int[] pattern, int maxErrors) {
        return search(Prepared.of(text), pattern, maxErrors);
    }

    /**
     * A text prepared once for many searches: every code point replaced by its index in the
     * text's sorted alphabet, so the bit masks of a pattern are an array lookup per text
     * position rather than a map lookup with a boxed key.
     */
    record Prepared(int[] text, int[] alphabet, int[] ids, int[] bucketStart, int[] bucketPositions) {

        /** Buckets of the 3-gram index (a power of two). */
        private static final int BUCKETS = 1 << 16;

        static Prepared of(int[] text) {
            int[] alphabet = Arrays.stream(text).distinct().sorted().toArray();
            int[] ids = new int[text.length];
            for (int j = 0; j < text.length; j++) {
                ids[j] = Arrays.binarySearch(alphabet, text[j]);
            }
            // Every position of the text by the hash of the three code points starting there.
            int[] bucketStart = new int[BUCKETS + 1];
            for (int j = 0; j + 2 < ids.length; j++) {
                bucketStart[bucket(ids, j) + 1]++;
            }
            for (int b = 0; b < BUCKETS; b++) {
                bucketStart[b + 1] += bucketStart[b];
            }
            int[] filled = Arrays.copyOf(bucketStart, BUCKETS);
            int[] bucketPositions = new int[Math.max(0, ids.length - 2)];
            for (int j = 0; j + 2 < ids.length; j++) {
                bucketPositions[filled[bucket(ids, j)]++] = j;
            }
            return new Prepared(text, alphabet, ids, bucketStart, bucketPositions);
        }

        /**
         * Start offsets of every exact occurrence of {@code pattern} (at least 3 code points),
         * overlapping ones included, in increasing order: the positions of its first three code
         * points, each checked in full.
         */
        List<Integer> occurrences(int[] pattern) {
            int[] patternIds = new int[pattern.length];
            for (int i = 0; i < pattern.length; i++) {
                patternIds[i] = Arrays.binarySearch(alphabet, pattern[i]);
                if (patternIds[i] < 0) {
                    return List.of();
                }
            }
            int bucket = bucket(patternIds, 0);
            List<Integer> starts = new ArrayList<>();
            for (int b = bucketStart[bucket]; b < bucketStart[bucket + 1]; b++) {
                if (pieceAt(ids, patternIds, 0, patternIds.length, bucketPositions[b])) {
                    starts.add(bucketPositions[b]);
                }
            }
            return starts;
        }

        static int bucket(int[] ids, int at) {
            return ((ids[at] * 961 + ids[at + 1] * 31 + ids[at + 2]) * 0x9E3779B9 >>> 16) & (BUCKETS - 1);
        }
    }

    /** As {@link #search(int[], int[], int)}, on a prepared text. */
    static List<Match> search(Prepared prepared, int[] pattern, int maxErrors) {
        int[] text = prepared.text();
        int m = pattern.length;
        if (m == 0 || text.length == 0) {
            return List.of();
        }
        int[] errorsAtEnd = filteredScores(prepared, pattern, maxErrors);
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

    /**
     * {@link #lastRowScores} in search mode on a prepared text: the same computation, with the
     * pattern's bit masks in one flat array indexed by the text's alphabet.
     */
    static int[] searchScores(Prepared prepared, int[] pattern) {
        int n = prepared.ids().length;
        int[] scores = new int[n];
        scoreRange(prepared, masks(prepared, pattern), pattern.length, pattern.length, 0, 0, n - 1, scores);
        return scores;
    }

    /**
     * The search-mode scores that matter for {@code maxErrors}: exact wherever the score is at
     * most {@code maxErrors}, and some value above it elsewhere. By the pigeonhole principle, a
     * match with at most k edits contains one of k + 1 disjoint pieces of the pattern unchanged,
     * so only end positions near an occurrence of a piece (found with the 3-gram index) are
     * computed, each from far enough back (m + k code points) to see every substring that could
     * score at most k. Falls back to the whole text when that would not save work.
     */
    static int[] filteredScores(Prepared prepared, int[] pattern, int maxErrors) {
        int[] ids = prepared.ids();
        int n = ids.length;
        int m = pattern.length;
        int pieces = maxErrors + 1;
        int q = maxErrors < 0 ? 0 : m / pieces;
        if (q < 3) {
            return maxErrors < 0 ? searchScores(prepared, pattern) : wholeText(prepared, pattern, maxErrors);
        }
        int[] patternIds = new int[m];
        for (int i = 0; i < m; i++) {
            patternIds[i] = Arrays.binarySearch(prepared.alphabet(), pattern[i]);
        }
        int reach = m + maxErrors;
        List<int[]> ranges = new ArrayList<>();
        for (int piece = 0; piece < pieces; piece++) {
            int from = piece * q;
            boolean possible = true;
            for (int i = from; i < from + q; i++) {
                possible &= patternIds[i] >= 0;
            }
            if (!possible) {
                continue;
            }
            int bucket = Prepared.bucket(patternIds, from);
            for (int b = prepared.bucketStart()[bucket]; b < prepared.bucketStart()[bucket + 1]; b++) {
                int p = prepared.bucketPositions()[b];
                if (!pieceAt(ids, patternIds, from, q, p)) {
                    continue;
                }
                // The rest of the pattern (m - from - q) ends within k edits of its length after the piece.
                int lo = Math.max(0, p + m - from - maxErrors - 1);
                int hi = Math.min(n - 1, p + m - from + maxErrors - 1);
                if (lo <= hi) {
                    ranges.add(new int[] {lo, hi});
                    if (ranges.size() > n / 16) {
                        return wholeText(prepared, pattern, maxErrors);
                    }
                }
            }
        }
        int[] scores = new int[n];
        Arrays.fill(scores, maxErrors + 1);
        if (ranges.isEmpty()) {
            return scores;
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        // Ranges closer than the distance a search must start back are run as one.
        List<int[]> merged = new ArrayList<>();
        long work = 0;
        int[] current = ranges.get(0).clone();
        for (int r = 1; r <= ranges.size(); r++) {
            if (r < ranges.size() && ranges.get(r)[0] <= current[1] + reach) {
                current[1] = Math.max(current[1], ranges.get(r)[1]);
                continue;
            }
            merged.add(current);
            work += current[1] - Math.max(0, current[0] - reach) + 1;
            if (r < ranges.size()) {
                current = ranges.get(r).clone();
            }
        }
        if (work >= n) {
            return wholeText(prepared, pattern, maxErrors);
        }
        long[] peq = masks(prepared, pattern);
        for (int[] range : merged) {
            scoreRange(prepared, peq, m, maxErrors, Math.max(0, range[0] - reach), range[0], range[1], scores);
        }
        return scores;
    }

    /** The filtered scores over the whole text, when the pieces are too frequent to help. */
    private static int[] wholeText(Prepared prepared, int[] pattern, int maxErrors) {
        int n = prepared.ids().length;
        int[] scores = new int[n];
        scoreRange(prepared, masks(prepared, pattern), pattern.length, maxErrors, 0, 0, n - 1, scores);
        return scores;
    }

    private static boolean pieceAt(int[] ids, int[] patternIds, int from, int length, int at) {
        if (at + length > ids.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (ids[at + i] != patternIds[from + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The pattern's bit masks, one row per letter of the text's alphabet; a pattern code point
     * the text never has can match nowhere, so it needs no row.
     */
    private static long[] masks(Prepared prepared, int[] pattern) {
        int[] alphabet = prepared.alphabet();
        int blocks = (pattern.length + 63) / 64;
        long[] peq = new long[alphabet.length * blocks];
        for (int i = 0; i < pattern.length; i++) {
            int id = Arrays.binarySearch(alphabet, pattern[i]);
            if (id >= 0) {
                peq[id * blocks + i / 64] |= 1L << (i % 64);
            }
        }
        return peq;
    }

    /**
     * Runs the search from text position {@code start} (substrings starting earlier are not
     * seen) and writes the scores of end positions [lo, hi] into {@code scores}.
     */
    private static void scoreRange(Prepared prepared, long[] peq, int m, int maxErrors, int start, int lo, int hi, int[] scores) {
        int[] ids = prepared.ids();
        int blocks = (m + 63) / 64;
        long lastBit = 1L << ((m - 1) % 64);
        int score = m;
        if (blocks == 1) {
            long pv = -1L;
            long mv = 0L;
            for (int j = start; j <= hi; j++) {
                long eq = peq[ids[j]];
                long xv = eq | mv;
                long xh = (((eq & pv) + pv) ^ pv) | eq;
                long ph = mv | ~(xh | pv);
                long mh = pv & xh;
                if ((ph & lastBit) != 0) {
                    score++;
                } else if ((mh & lastBit) != 0) {
                    score--;
                }
                ph <<= 1;
                mh <<= 1;
                pv = mh | ~(xv | ph);
                mv = ph & xv;
                if (j >= lo) {
                    scores[j] = score;
                }
            }
            return;
        }
        // Blocked: with Ukkonen's cut-off (Myers 1999, section 5; as in edlib), only the blocks
        // down to the last one whose bottom row can still be at most k are advanced. Cells below
        // it are over-estimated, never under-estimated, so a last-row score of at most k is exact.
        long[] pv = new long[blocks];
        long[] mv = new long[blocks];
        int[] bottom = new int[blocks];
        int last = Math.max(0, Math.min(blocks, (maxErrors + 64) / 64) - 1);
        for (int b = 0; b <= last; b++) {
            pv[b] = -1L;
            bottom[b] = rows(b, blocks, m);
        }
        for (int j = start; j <= hi; j++) {
            int base = ids[j] * blocks;
            int hIn = 0;
            for (int b = 0; b <= last; b++) {
                hIn = advance(pv, mv, b, peq[base + b], hIn, b == blocks - 1 ? lastBit : 1L << 63);
                bottom[b] += hIn;
            }
            if (last < blocks - 1 && bottom[last] - hIn <= maxErrors && ((peq[base + last + 1] & 1L) != 0 || hIn < 0)) {
                last++;
                pv[last] = -1L;
                mv[last] = 0L;
                int hOut = advance(pv, mv, last, peq[base + last], hIn, last == blocks - 1 ? lastBit : 1L << 63);
                bottom[last] = bottom[last - 1] - hIn + rows(last, blocks, m) - rows(last - 1, blocks, m) + hOut;
            } else {
                while (last > 0 && bottom[last] >= maxErrors + 64) {
                    last--;
                }
            }
            if (j >= lo) {
                scores[j] = last == blocks - 1 ? bottom[last] : maxErrors + 1;
            }
        }
    }

    /** The pattern rows down to the bottom of block b. */
    private static int rows(int b, int blocks, int m) {
        return b == blocks - 1 ? m : (b + 1) * 64;
    }

    /** One block of one column: updates its vertical deltas, returns the horizontal delta at {@code mask}'s row. */
    private static int advance(long[] pv, long[] mv, int b, long eqIn, int hIn, long mask) {
        long p = pv[b];
        long mm = mv[b];
        long eq = eqIn | (hIn < 0 ? 1L : 0L);
        long xv = eq | mm;
        long xh = (((eq & p) + p) ^ p) | eq;
        long ph = mm | ~(xh | p);
        long mh = p & xh;
        int hOut = (ph & mask) != 0 ? 1 : (mh & mask) != 0 ? -1 : 0;
        ph = (ph << 1) | (hIn > 0 ? 1L : 0L);
        mh = (mh << 1) | (hIn < 0 ? 1L : 0L);
        pv[b] = mh | ~(xv | ph);
        mv[b] = ph & xv;
        return hOut;
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
