package app.marginalia.core.annotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds where a note's passage is in a new version of the text, or says honestly that it is
 * gone. In order: (1) the old position, if the text there is still the quote; (2) every exact
 * occurrence of the quote; (3) approximate occurrences with a bounded number of edits (Myers).
 * Candidates of steps 2 and 3 are scored; the best is accepted only if it clears
 * {@link #MIN_SCORE} and beats the runner-up by {@link #MARGIN}, otherwise the note is detached.
 *
 * <p>The score, between 0 and 1, weighs three kinds of evidence:
 * <ul>
 *   <li><b>the quote</b> (weight 0.5): how well it matches (1 − edits/length), scaled by how
 *   distinctive it is: a quote of 32 or more code points counts fully, a 4-character word an
 *   eighth, because short strings recur by chance;</li>
 *   <li><b>the context</b> (0.4): how similar the 32 code points before and after the candidate
 *   are to the stored prefix and suffix (edit-distance similarity);</li>
 *   <li><b>the position</b> (0.1): closeness to the old position, scaled to the new length.</li>
 * </ul>
 * With the threshold at 0.5, a long quote found exactly anchors even when all its surroundings
 * were rewritten (0.5 + position), while a short quote needs its context to confirm it, so
 * "the" never jumps to another "the". The margin of 0.05 makes two equally plausible places a
 * detachment, never a guess. Hypothesis has neither, which is why its short quotes wander.
 */
public final class Reanchor {

    /** A score below this is no evidence of the passage. */
    public static final double MIN_SCORE = 0.5;
    /** The best place must beat the second best by this much. */
    public static final double MARGIN = 0.05;
    /** Quotes this long (code points) are distinctive on their own. */
    static final int DISTINCTIVE_LENGTH = 32;
    /** Shorter quotes are never matched approximately: too many strings are a few edits apart. */
    static final int MIN_APPROXIMATE_LENGTH = 8;
    /** Approximate matches may differ by at most a fifth of the quote's length. */
    static final double MAX_ERROR_RATE = 0.2;

    /** How a note was placed in the new text. */
    public enum Method { POSITION, EXACT, APPROXIMATE, DETACHED }

    /** The outcome: the new selectors, or {@link Method#DETACHED} with the old ones kept. */
    public record Result(Method method, TextPositionSelector position, TextQuoteSelector quote, double score) {

        public boolean detached() {
            return method == Method.DETACHED;
        }
    }

    private Reanchor() {
    }

    /**
     * A new text prepared once for re-anchoring all of a paper's notes: its code points are
     * decoded a single time, not once per note.
     */
    public static final class Text {

        private final String string;
        private final int[] codePoints;
        /** The alphabet and 3-gram index, made when the first note is not in its old place. */
        private ApproximateMatch.Prepared prepared;

        private Text(String string, int[] codePoints) {
            this.string = string;
            this.codePoints = codePoints;
        }

        public static Text of(String text) {
            return new Text(text, text.codePoints().toArray());
        }

        public String string() {
            return string;
        }

        public int[] codePoints() {
            return codePoints;
        }

        ApproximateMatch.Prepared prepared() {
            if (prepared == null) {
                prepared = ApproximateMatch.Prepared.of(codePoints);
            }
            return prepared;
        }

        /** The quote selector at a position, with {@link Selectors#CONTEXT} code points either side. */
        TextQuoteSelector quoteAt(TextPositionSelector at) {
            int from = Math.max(0, at.start() - Selectors.CONTEXT);
            int to = Math.min(codePoints.length, at.end() + Selectors.CONTEXT);
            return new TextQuoteSelector(slice(at.start(), at.end()), slice(from, at.start()), slice(at.end(), to));
        }

        private String slice(int start, int end) {
            return new String(codePoints, start, end - start);
        }
    }

    /**
     * @param oldLength the length of the text the selectors were made on, to scale the old position
     */
    public static Result anchor(String newText, int oldLength, TextPositionSelector position, TextQuoteSelector quote) {
        return anchor(Text.of(newText), oldLength, position, quote);
    }

    /** As {@link #anchor(String, int, TextPositionSelector, TextQuoteSelector)}, on a prepared text. */
    public static Result anchor(Text newText, int oldLength, TextPositionSelector position, TextQuoteSelector quote) {
        int[] text = newText.codePoints();
        int[] exact = quote.exact().codePoints().toArray();
        if (exact.length == 0) {
            return detached(position, quote);
        }
        if (position.end() <= text.length && position.start() >= 0 && equalAt(text, exact, position.start())) {
            return new Result(Method.POSITION, position, newText.quoteAt(position), 1.0);
        }
        int expected = oldLength <= 0 ? position.start() : (int) ((long) position.start() * text.length / oldLength);
        Scorer scorer = new Scorer(text, exact, quote, expected);
        List<Candidate> exactMatches = new ArrayList<>();
        // The 3-gram index finds the same occurrences as indexOf when no surrogate can make a
        // match start or end inside a code point.
        boolean indexed = exact.length >= 3 && quote.exact().chars().noneMatch(c -> Character.isSurrogate((char) c));
        List<Integer> starts = indexed ? newText.prepared().occurrences(exact) : occurrences(newText.string(), quote.exact());
        for (int start : starts) {
            exactMatches.add(scorer.score(start, start + exact.length, 0));
        }
        if (!exactMatches.isEmpty()) {
            return decide(newText, exactMatches, Method.EXACT, position, quote);
        }
        if (exact.length < MIN_APPROXIMATE_LENGTH) {
            return detached(position, quote);
        }
        int maxErrors = (int) Math.floor(exact.length * MAX_ERROR_RATE);
        List<Candidate> approximate = new ArrayList<>();
        for (ApproximateMatch.Match match : ApproximateMatch.search(newText.prepared(), exact, maxErrors)) {
            approximate.add(scorer.score(match.start(), match.end(), match.errors()));
        }
        return decide(newText, approximate, Method.APPROXIMATE, position, quote);
    }

    private record Candidate(int start, int end, double score) {
    }

    /** Scores a candidate [start, end) with {@code errors} edits against the stored selectors. */
    private record Scorer(int[] text, int[] exact, TextQuoteSelector quote, int expected) {

        Candidate score(int start, int end, int errors) {
            double match = 1.0 - (double) errors / exact.length;
            double distinctiveness = Math.min(1.0, (double) exact.length / DISTINCTIVE_LENGTH);
            double context = (similarity(quote.prefix(), Math.max(0, start - Selectors.codePoints(quote.prefix())), start)
                    + similarity(quote.suffix(), end, Math.min(text.length, end + Selectors.codePoints(quote.suffix())))) / 2;
            double closeness = 1.0 - Math.min(1.0, Math.abs(start - expected) / (double) Math.max(1, text.length));
            return new Candidate(start, end, 0.5 * match * distinctiveness + 0.4 * context + 0.1 * closeness);
        }

        /** 1 for identical text, 0 for nothing in common; an empty expectation matches only an edge. */
        private double similarity(String expectedText, int from, int to) {
            int[] wanted = expectedText.codePoints().toArray();
            if (wanted.length == 0) {
                // The quote was at an edge of the old text: being at the same edge confirms it.
                return from == to && (from == 0 || from == text.length) ? 1.0 : 0.5;
            }
            int[] actual = Arrays.copyOfRange(text, from, to);
            int distance = ApproximateMatch.distance(wanted, actual);
            return 1.0 - (double) distance / Math.max(wanted.length, actual.length);
        }
    }

    private static Result decide(Text newText, List<Candidate> candidates, Method method,
                                 TextPositionSelector position, TextQuoteSelector quote) {
        if (candidates.isEmpty()) {
            return detached(position, quote);
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Candidate best = candidates.get(0);
        double runnerUp = candidates.size() > 1 ? candidates.get(1).score() : 0;
        if (best.score() < MIN_SCORE || best.score() - runnerUp < MARGIN) {
            return detached(position, quote);
        }
        TextPositionSelector found = new TextPositionSelector(best.start(), best.end());
        return new Result(method, found, newText.quoteAt(found), best.score());
    }

    private static Result detached(TextPositionSelector position, TextQuoteSelector quote) {
        return new Result(Method.DETACHED, position, quote, 0);
    }

    private static boolean equalAt(int[] text, int[] exact, int start) {
        if (start + exact.length > text.length) {
            return false;
        }
        for (int i = 0; i < exact.length; i++) {
            if (text[start + i] != exact[i]) {
                return false;
            }
        }
        return true;
    }

    /** Start offsets, in code points, of every exact occurrence (overlapping ones included). */
    private static List<Integer> occurrences(String text, String exact) {
        List<Integer> starts = new ArrayList<>();
        int from = 0;
        int counted = 0;
        int codePoints = 0;
        int charIndex;
        while ((charIndex = text.indexOf(exact, from)) >= 0) {
            codePoints += text.codePointCount(counted, charIndex);
            counted = charIndex;
            starts.add(codePoints);
            from = charIndex + Character.charCount(text.codePointAt(charIndex));
        }
        return starts;
    }
}
