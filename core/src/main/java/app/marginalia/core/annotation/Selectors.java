package app.marginalia.core.annotation;

import java.util.Optional;

/**
 * Checks a selection against the text it claims to select. Offsets count Unicode code points
 * (never UTF-16 units), so an emoji is one position and a combining mark is its own position,
 * exactly as the browser's {@code Array.from(text)} counts them.
 */
public final class Selectors {

    /** Context kept on each side of a quote, as the W3C model and Hypothesis do. */
    public static final int CONTEXT = 32;

    private Selectors() {
    }

    /**
     * Why a position cannot select anything in {@code text}, or empty when it can. Checked
     * before anything is sliced or derived from it: a client may send any numbers.
     */
    public static Optional<String> positionProblem(String text, TextPositionSelector position) {
        int length = text.codePointCount(0, text.length());
        if (position.start() < 0 || position.end() > length || position.start() >= position.end()) {
            return Optional.of("The selection [" + position.start() + ", " + position.end()
                    + ") is not inside the text, which has " + length + " characters.");
        }
        if (position.end() - position.start() > AnnotationLimits.QUOTE_MAX) {
            return Optional.of("The quote is longer than " + AnnotationLimits.QUOTE_MAX + " characters.");
        }
        return Optional.empty();
    }

    /**
     * Why the selectors do not describe {@code text}, or empty when they do. Without a quote
     * ({@code null}) only the position is checked: the server then derives the quote itself.
     */
    public static Optional<String> problem(String text, TextPositionSelector position, TextQuoteSelector quote) {
        Optional<String> positionProblem = positionProblem(text, position);
        if (positionProblem.isPresent() || quote == null) {
            return positionProblem;
        }
        if (quote.exact() == null || !slice(text, position.start(), position.end()).equals(quote.exact())) {
            return Optional.of("The quoted text is not the text at that position; reload the paper, it may have changed.");
        }
        if (codePoints(quote.prefix()) > CONTEXT || codePoints(quote.suffix()) > CONTEXT) {
            return Optional.of("The prefix and suffix may hold at most " + CONTEXT + " characters each.");
        }
        int length = text.codePointCount(0, text.length());
        if (!slice(text, Math.max(0, position.start() - codePoints(quote.prefix())), position.start()).equals(quote.prefix())
                || !slice(text, position.end(), Math.min(length, position.end() + codePoints(quote.suffix())))
                .equals(quote.suffix())) {
            return Optional.of("The text around the quote does not match the paper; reload the paper, it may have changed.");
        }
        return Optional.empty();
    }

    /**
     * The quote selector the server derives itself for a position; refuses, naming the problem,
     * a position that {@link #positionProblem} rejects.
     */
    public static TextQuoteSelector quoteAt(String text, TextPositionSelector position) {
        positionProblem(text, position).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        int length = text.codePointCount(0, text.length());
        return new TextQuoteSelector(slice(text, position.start(), position.end()),
                slice(text, Math.max(0, position.start() - CONTEXT), position.start()),
                slice(text, position.end(), Math.min(length, position.end() + CONTEXT)));
    }

    /** The code points [start, end) of {@code text}. */
    public static String slice(String text, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        int to = text.offsetByCodePoints(from, end - start);
        return text.substring(from, to);
    }

    static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
