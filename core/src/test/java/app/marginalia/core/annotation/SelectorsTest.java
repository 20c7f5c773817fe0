package app.marginalia.core.annotation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorsTest {

    private static final String TEXT = "Polysemanticity makes interpretability hard. We study superposition.";

    @Test
    void shouldAcceptAQuoteThatIsTheTextAtItsPosition() {
        TextPositionSelector at = new TextPositionSelector(45, 67);
        TextQuoteSelector quote = Selectors.quoteAt(TEXT, at);
        assertEquals("We study superposition", quote.exact());
        assertEquals("olysemanticity makes interpretability hard. ".substring(12), quote.prefix());
        assertEquals(".", quote.suffix());
        assertTrue(Selectors.problem(TEXT, at, quote).isEmpty());
    }

    @Test
    void shouldRefuseAQuoteThatIsNotTheTextThere() {
        TextPositionSelector at = new TextPositionSelector(45, 67);
        assertTrue(Selectors.problem(TEXT, at, new TextQuoteSelector("We study polysemanticity", "", ""))
                .orElseThrow().contains("not the text at that position"));
        assertTrue(Selectors.problem(TEXT, at, new TextQuoteSelector("We study superposition", "wrong", ""))
                .orElseThrow().contains("around the quote"));
        assertTrue(Selectors.problem(TEXT, new TextPositionSelector(60, 200), new TextQuoteSelector("x", "", ""))
                .orElseThrow().contains("not inside the text"));
        assertTrue(Selectors.problem(TEXT, new TextPositionSelector(5, 5), new TextQuoteSelector("", "", ""))
                .isPresent());
    }

    @Test
    void shouldNameTheProblemOfAPositionBeforeDerivingAnyQuote() {
        int length = TEXT.codePointCount(0, TEXT.length());
        for (TextPositionSelector bad : new TextPositionSelector[]{new TextPositionSelector(20, 10),
                new TextPositionSelector(-5, 10), new TextPositionSelector(length, length + 1),
                new TextPositionSelector(0, Integer.MAX_VALUE), new TextPositionSelector(Integer.MIN_VALUE, Integer.MAX_VALUE),
                new TextPositionSelector(7, 7)}) {
            String problem = Selectors.positionProblem(TEXT, bad).orElseThrow();
            assertTrue(problem.contains("not inside the text, which has " + length + " characters"), problem);
            assertEquals(problem, Selectors.problem(TEXT, bad, null).orElseThrow(), "no quote: the position is checked");
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Selectors.quoteAt(TEXT, bad));
            assertEquals(problem, refused.getMessage());
        }
    }

    @Test
    void shouldAcceptAPositionWithoutAQuoteWhenItIsInsideTheText() {
        assertTrue(Selectors.problem(TEXT, new TextPositionSelector(0, 5), null).isEmpty());
    }

    @Test
    void shouldRefuseAPassageLongerThanTheQuoteLimit() {
        String text = "a".repeat(AnnotationLimits.QUOTE_MAX + 10);
        assertTrue(Selectors.positionProblem(text, new TextPositionSelector(0, AnnotationLimits.QUOTE_MAX + 1))
                .orElseThrow().contains("longer than " + AnnotationLimits.QUOTE_MAX));
        assertTrue(Selectors.positionProblem(text, new TextPositionSelector(0, AnnotationLimits.QUOTE_MAX)).isEmpty());
    }

    @Test
    void shouldRefuseAQuoteWithoutExactTextOrWithOverlongContext() {
        TextPositionSelector at = new TextPositionSelector(45, 67);
        assertTrue(Selectors.problem(TEXT, at, new TextQuoteSelector(null, "", "")).orElseThrow()
                .contains("not the text at that position"));
        assertTrue(Selectors.problem(TEXT, at, new TextQuoteSelector("We study superposition", "x".repeat(33), ""))
                .orElseThrow().contains("at most 32 characters"));
    }

    @Test
    void shouldCountEmojiAsOneCodePoint() {
        String text = "Models 🙂 smile 😀 back";
        TextPositionSelector smile = new TextPositionSelector(9, 14);
        assertEquals("smile", Selectors.slice(text, 9, 14));
        assertTrue(Selectors.problem(text, smile, Selectors.quoteAt(text, smile)).isEmpty());
        TextPositionSelector emoji = new TextPositionSelector(15, 16);
        assertEquals("😀", Selectors.quoteAt(text, emoji).exact());
        assertEquals("Models 🙂 smile ", Selectors.quoteAt(text, emoji).prefix());
    }

    @Test
    void shouldKeepCombiningMarksAsTheirOwnPositions() {
        // "e" + COMBINING ACUTE, which has no precomposed form together with the following grave.
        String text = "cafe\u0301\u0300 au lait";
        assertEquals(14, text.codePointCount(0, text.length()));
        TextPositionSelector accent = new TextPositionSelector(3, 6);
        assertEquals("e\u0301\u0300", Selectors.quoteAt(text, accent).exact());
        assertTrue(Selectors.problem(text, accent, Selectors.quoteAt(text, accent)).isEmpty());
    }

    @Test
    void shouldAnchorInRightToLeftText() {
        String text = "המודל לומד ייצוגים מופרדים";
        TextPositionSelector word = new TextPositionSelector(6, 10);
        assertEquals("לומד", Selectors.quoteAt(text, word).exact());
        assertTrue(Selectors.problem(text, word, new TextQuoteSelector("לומד", "המודל ", " ייצוגים")).isEmpty());
    }

    @Test
    void shouldLimitTheQuoteAndTheContext() {
        String text = "a".repeat(6000);
        assertTrue(Selectors.problem(text, new TextPositionSelector(0, 5001),
                new TextQuoteSelector("a".repeat(5001), "", "")).orElseThrow().contains("longer than 5000"));
        assertTrue(Selectors.problem(text, new TextPositionSelector(100, 110),
                new TextQuoteSelector("a".repeat(10), "a".repeat(33), "")).orElseThrow().contains("at most 32"));
    }
}
