package app.marginalia.core.annotation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast re-anchoring must decide exactly as the straightforward one did before it
 * ({@link ReferenceReanchor}, kept here as an oracle): on seeded random texts and edits, every
 * note gets the same method, position, quote and score, and every approximate search the same
 * matches as {@link ReferenceApproximateMatch}.
 */
class ReanchorOracleTest {

    private static final String[] ASTRAL = {"\uD835\uDC00", "\uD83D\uDE00", "é", "ß"};

    @Test
    void everyNoteIsPlacedAsTheReferencePlacesIt() {
        int[] counts = new int[Reanchor.Method.values().length];
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            String text = prose(random, 3000 + random.nextInt(5000), seed % 4 == 0);
            List<TextPositionSelector> positions = new ArrayList<>();
            List<TextQuoteSelector> quotes = new ArrayList<>();
            int length = text.codePointCount(0, text.length());
            for (int i = 0; i < 60; i++) {
                int start = random.nextInt(length - 10);
                int end = Math.min(length, start + 1 + random.nextInt(random.nextBoolean() ? 12 : 160));
                TextPositionSelector position = new TextPositionSelector(start, end);
                positions.add(position);
                quotes.add(Selectors.quoteAt(text, position));
            }
            String edited = edit(text, random);
            Reanchor.Text fast = Reanchor.Text.of(edited);
            ReferenceReanchor.Text reference = ReferenceReanchor.Text.of(edited);
            for (int i = 0; i < positions.size(); i++) {
                Reanchor.Result got = Reanchor.anchor(fast, length, positions.get(i), quotes.get(i));
                ReferenceReanchor.Result want = ReferenceReanchor.anchor(reference, length, positions.get(i), quotes.get(i));
                String where = "seed " + seed + ", note " + i;
                assertEquals(want.method().name(), got.method().name(), where);
                assertEquals(want.position(), got.position(), where);
                assertEquals(want.quote(), got.quote(), where);
                assertEquals(want.score(), got.score(), where);
                counts[got.method().ordinal()]++;
            }
        }
        // The cases must reach every way of placing a note, or the comparison proves little.
        for (Reanchor.Method method : Reanchor.Method.values()) {
            assertTrue(counts[method.ordinal()] >= 20, method + " placed only " + counts[method.ordinal()]);
        }
    }

    @Test
    void approximateSearchFindsWhatTheReferenceFinds() {
        Random random = new Random(5);
        for (int round = 0; round < 300; round++) {
            int[] text = prose(random, 500 + random.nextInt(4000), round % 3 == 0).codePoints().toArray();
            int m = 1 + random.nextInt(round % 2 == 0 ? 40 : 200);
            int start = random.nextInt(Math.max(1, text.length - m));
            int[] pattern = new int[Math.min(m, text.length - start)];
            System.arraycopy(text, start, pattern, 0, pattern.length);
            for (int e = 0; e < pattern.length / 6; e++) {
                pattern[random.nextInt(pattern.length)] = 'a' + random.nextInt(26);
            }
            int maxErrors = random.nextInt(Math.max(1, pattern.length / 3 + 1));
            assertEquals(ReferenceApproximateMatch.search(text, pattern, maxErrors).toString(),
                    ApproximateMatch.search(text, pattern, maxErrors).toString(), "round " + round);
        }
    }

    /** Edits like a revised paper's: an inserted section, corrected words, a deleted passage. */
    private static String edit(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int kinds = random.nextInt(8);
        if ((kinds & 1) != 0) {
            int from = random.nextInt(out.length() - 400);
            out.delete(safe(out, from), safe(out, from + 20 + random.nextInt(300)));
        }
        for (int i = 0, n = random.nextInt(30); i < n; i++) {
            int at = safe(out, random.nextInt(out.length()));
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, (char) ('a' + random.nextInt(26)));
                case 1 -> out.delete(at, safe(out, Math.min(out.length(), at + 1 + random.nextInt(3))));
                default -> out.replace(at, safe(out, Math.min(out.length(), at + 1)), String.valueOf((char) ('a' + random.nextInt(26))));
            }
        }
        if ((kinds & 2) != 0) {
            out.insert(safe(out, random.nextInt(out.length())), prose(random, 200 + random.nextInt(800), false));
        }
        if ((kinds & 4) != 0) {
            // A passage moved, so quotes occur exactly but elsewhere.
            int from = safe(out, random.nextInt(out.length() / 2));
            int to = safe(out, from + 100 + random.nextInt(300));
            String moved = out.substring(from, to);
            out.delete(from, to);
            out.insert(safe(out, out.length() / 2 + random.nextInt(out.length() / 2)), moved);
        }
        return out.toString();
    }

    /** Never cuts a surrogate pair. */
    private static int safe(CharSequence text, int at) {
        int i = Math.max(0, Math.min(at, text.length()));
        return i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i)) ? i + 1 : i;
    }

    private static String prose(Random random, int length, boolean astral) {
        String[] vocabulary = new String[80 + random.nextInt(300)];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder word = new StringBuilder();
            for (int j = 0, n = 1 + random.nextInt(8); j < n; j++) {
                word.append(astral && random.nextInt(12) == 0 ? ASTRAL[random.nextInt(ASTRAL.length)]
                        : String.valueOf((char) ('a' + random.nextInt(26))));
            }
            vocabulary[i] = word.toString();
        }
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextInt(12) == 0 ? ". " : " ");
        }
        return out.toString();
    }
}
