package app.marginalia.core.annotation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Edits away from a note never move it; deleting its passage always detaches it. */
class ReanchorPropertiesTest {

    /** A vocabulary of 400 made-up words, so generated prose varies like real prose does. */
    private static final List<String> VOCABULARY = vocabulary();

    private static List<String> vocabulary() {
        Random random = new Random(42);
        List<String> words = new ArrayList<>();
        while (words.size() < 400) {
            StringBuilder word = new StringBuilder();
            for (int i = 0, n = 3 + random.nextInt(7); i < n; i++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            if (!words.contains(word.toString())) {
                words.add(word.toString());
            }
        }
        return words;
    }

    @Provide
    Arbitrary<String> prose() {
        return Arbitraries.of(VOCABULARY).list().ofMinSize(40).ofMaxSize(120).map(words -> String.join(" ", words));
    }

    @Provide
    Arbitrary<String> insertion() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '.', ',').ofMinLength(1).ofMaxLength(80);
    }

    @Property(tries = 300)
    void anEditThatTouchesNeitherTheQuoteNorItsContextNeverMovesTheNote(
            @ForAll("prose") String text, @ForAll @IntRange(min = 0, max = 1000) int seed,
            @ForAll("insertion") String inserted, @ForAll boolean before) {
        int length = text.length();
        int start = 40 + seed % Math.max(1, length - 120);
        int end = Math.min(length - 40, start + 8 + seed % 30);
        Assume.that(end - start >= 8);
        TextPositionSelector position = new TextPositionSelector(start, end);
        TextQuoteSelector quote = Selectors.quoteAt(text, position);
        Assume.that(text.indexOf(quote.exact()) == text.lastIndexOf(quote.exact()));
        // Insert well clear of the quote and its 32 characters of context.
        int at = before ? seed % Math.max(1, start - Selectors.CONTEXT) : Math.min(length, end + Selectors.CONTEXT
                + seed % Math.max(1, length - end - Selectors.CONTEXT + 1));
        String edited = text.substring(0, at) + inserted.toLowerCase(Locale.ROOT) + text.substring(at);
        Assume.that(edited.indexOf(quote.exact()) == edited.lastIndexOf(quote.exact()));

        Reanchor.Result result = Reanchor.anchor(edited, length, position, quote);
        int shift = at <= start ? inserted.length() : 0;
        assertEquals(new TextPositionSelector(start + shift, end + shift), result.position(), result.toString());
        assertEquals(quote.exact(), Selectors.slice(edited, result.position().start(), result.position().end()));
    }

    @Property(tries = 300)
    void deletingTheQuoteAlwaysDetachesTheNote(@ForAll("prose") String text, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        int length = text.length();
        int start = 10 + seed % Math.max(1, length - 60);
        int end = Math.min(length, start + 8 + seed % 40);
        TextPositionSelector position = new TextPositionSelector(start, end);
        TextQuoteSelector quote = Selectors.quoteAt(text, position);
        String edited = text.substring(0, start) + text.substring(end);
        Assume.that(!edited.contains(quote.exact()));
        // In a text of few distinct words ("hwma hwma hwma …") a deleted passage can survive almost
        // word for word elsewhere, and then the rules place the note there (approximately, as they
        // should). The property is about a passage that is gone: no near copy of it is left.
        int[] quoted = quote.exact().codePoints().toArray();
        Assume.that(ReferenceApproximateMatch.search(edited.codePoints().toArray(), quoted,
                (int) Math.floor(quoted.length * Reanchor.MAX_ERROR_RATE)).isEmpty());

        assertTrue(Reanchor.anchor(edited, length, position, quote).detached(),
                () -> "moved to " + Reanchor.anchor(edited, length, position, quote));
    }
}
