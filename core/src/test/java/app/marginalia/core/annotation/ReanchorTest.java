package app.marginalia.core.annotation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReanchorTest {

    private static final String TEXT = "Neural networks often pack many unrelated concepts into a single neuron. "
            + "This puzzling phenomenon is known as polysemanticity. It makes interpretability much harder. "
            + "We provide a toy model where polysemanticity can be fully understood.";

    private static TextPositionSelector at(String text, String quote) {
        int start = text.codePointCount(0, text.indexOf(quote));
        return new TextPositionSelector(start, start + quote.codePointCount(0, quote.length()));
    }

    private static Reanchor.Result move(String oldText, String newText, String quote) {
        TextPositionSelector position = at(oldText, quote);
        return Reanchor.anchor(newText, oldText.codePointCount(0, oldText.length()), position,
                Selectors.quoteAt(oldText, position));
    }

    private static String quoted(String text, Reanchor.Result result) {
        return Selectors.slice(text, result.position().start(), result.position().end());
    }

    @Test
    void shouldKeepThePositionWhenTheTextThereIsUnchanged() {
        Reanchor.Result result = move(TEXT, TEXT + " More text at the end.", "known as polysemanticity");
        assertEquals(Reanchor.Method.POSITION, result.method());
    }

    @Test
    void shouldFollowAQuoteThatMovedWhenTextIsInsertedBefore() {
        String edited = "Abstract. " + TEXT;
        Reanchor.Result result = move(TEXT, edited, "makes interpretability much harder");
        assertEquals(Reanchor.Method.EXACT, result.method());
        assertEquals("makes interpretability much harder", quoted(edited, result));
        assertEquals(at(edited, "makes interpretability").start(), result.position().start());
    }

    @Test
    void shouldKeepANoteOnItsOwnCopyOfARepeatedSentence() {
        String sentence = "Superposition is everywhere.";
        String oldText = "Intro: " + sentence + " Then a long middle section about features and circuits. Outro: "
                + sentence + " The end.";
        // The note is on the second copy.
        int second = oldText.lastIndexOf(sentence);
        TextPositionSelector position = new TextPositionSelector(second, second + sentence.length());
        TextQuoteSelector quote = Selectors.quoteAt(oldText, position);
        String newText = "Preface added here. " + oldText;
        Reanchor.Result result = Reanchor.anchor(newText, oldText.length(), position, quote);
        assertEquals(Reanchor.Method.EXACT, result.method());
        assertEquals(newText.lastIndexOf(sentence), result.position().start());
    }

    @Test
    void shouldDetachAVeryShortQuoteWhoseContextIsGoneRatherThanGuess() {
        String oldText = "We study the model. " + "x".repeat(60) + " Then the results.";
        TextPositionSelector position = new TextPositionSelector(9, 12);
        TextQuoteSelector quote = Selectors.quoteAt(oldText, position);
        assertEquals("the", quote.exact());
        String newText = "Completely rewritten: the introduction and the conclusion of the paper.";
        assertTrue(Reanchor.anchor(newText, oldText.length(), position, quote).detached());
    }

    @Test
    void shouldAnchorAVeryShortQuoteThatItsContextConfirms() {
        String oldText = "We study the model carefully. Many other words follow here.";
        TextPositionSelector position = new TextPositionSelector(9, 12);
        TextQuoteSelector quote = Selectors.quoteAt(oldText, position);
        String newText = "Note: the paper was revised. We study the model carefully. Many other words follow here.";
        Reanchor.Result result = Reanchor.anchor(newText, oldText.length(), position, quote);
        assertEquals(Reanchor.Method.EXACT, result.method());
        assertEquals(newText.indexOf("We study the") + 9, result.position().start());
    }

    @Test
    void shouldKeepADistinctiveQuoteWhoseSurroundingTextChanged() {
        String quote = "a toy model where polysemanticity can be fully understood";
        String newText = "In this revised version, we present " + quote + ", with new experiments.";
        Reanchor.Result result = move(TEXT, newText, quote);
        assertEquals(Reanchor.Method.EXACT, result.method());
        assertEquals(quote, quoted(newText, result));
    }

    @Test
    void shouldFindAQuoteEditedByAFewCharacters() {
        String newText = TEXT.replace("puzzling phenomenon is known as polysemanticity",
                "puzzling phenomenon is called polysemanticity");
        Reanchor.Result result = move(TEXT, newText, "This puzzling phenomenon is known as polysemanticity");
        assertEquals(Reanchor.Method.APPROXIMATE, result.method());
        assertEquals("This puzzling phenomenon is called polysemanticity", quoted(newText, result));
        assertTrue(result.score() >= Reanchor.MIN_SCORE);
    }

    @Test
    void shouldDetachAQuoteThatWasDeletedAndNeverMoveItElsewhere() {
        String newText = TEXT.replace("It makes interpretability much harder. ", "");
        assertTrue(move(TEXT, newText, "It makes interpretability much harder.").detached());
    }

    @Test
    void shouldCountPositionsInCodePointsBeyondTheBasicPlane() {
        String oldText = "🙂 Emoji first, then the claim that matters most here, then more.";
        String newText = "😀😀 New emoji. " + oldText;
        Reanchor.Result result = move(oldText, newText, "the claim that matters most");
        assertEquals(Reanchor.Method.EXACT, result.method());
        assertEquals("the claim that matters most", quoted(newText, result));
        assertEquals(newText.codePointCount(0, newText.indexOf("the claim")), result.position().start());
    }

    @Test
    void shouldKeepCombiningMarksWithTheirLetters() {
        String oldText = "Le cafe\u0301 est de\u0301licieux et tre\u0300s chaud ce matin.";
        String newText = "Avant-propos. " + oldText;
        Reanchor.Result result = move(oldText, newText, "de\u0301licieux et tre\u0300s");
        assertEquals("de\u0301licieux et tre\u0300s", quoted(newText, result));
    }

    @Test
    void shouldDetachWhenTwoPlacesAreEquallyGood() {
        String sentence = "The same sentence appears twice with the same surroundings.";
        String oldText = sentence + " " + sentence;
        TextPositionSelector position = new TextPositionSelector(0, sentence.length());
        TextQuoteSelector ambiguous = new TextQuoteSelector(sentence, "", "");
        // Neither context nor position can tell the copies apart in this new text.
        String newText = "x " + sentence + " y " + sentence + " x";
        Reanchor.Result result = Reanchor.anchor(newText, oldText.length(), new TextPositionSelector(
                position.start() + 500, position.end() + 500), ambiguous);
        assertTrue(result.detached() || result.position().start() == 2, result.toString());
    }
}
