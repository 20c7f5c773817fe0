package app.marginalia.core.annotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Re-anchoring 1,000 notes on a 100,000-character paper after a realistic edit: a new section
 * inserted near the start, 50 one-word corrections spread through the text, and one passage of
 * about 1,500 characters deleted. Run with {@code scripts/bench-reanchor.sh}; prints the median
 * of ten timed runs after three warm-ups, and how each note was placed.
 */
public final class ReanchorBenchmark {

    private ReanchorBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(7);
        String text = prose(random, 100_000);
        List<TextPositionSelector> positions = new ArrayList<>();
        List<TextQuoteSelector> quotes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int start = wordStart(text, random.nextInt(text.length() - 300));
            int end = Math.min(text.length(), wordStart(text, start + 20 + random.nextInt(180)) - 1);
            TextPositionSelector position = new TextPositionSelector(start, end);
            positions.add(position);
            quotes.add(Selectors.quoteAt(text, position));
        }
        String edited = edit(text, random);

        for (int i = 0; i < 3; i++) {
            run(edited, text.length(), positions, quotes);
        }
        long[] times = new long[10];
        Map<Reanchor.Method, Integer> methods = null;
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            methods = run(edited, text.length(), positions, quotes);
            times[i] = System.nanoTime() - started;
        }
        Arrays.sort(times);
        System.out.printf("Re-anchored 1000 notes on a %d-character text (edited to %d) in %.1f ms (median of 10; "
                        + "fastest %.1f ms, slowest %.1f ms)%n", text.length(), edited.length(), times[5] / 1e6,
                times[0] / 1e6, times[9] / 1e6);
        System.out.println("Placed by: " + methods);
    }

    /** As the service does it: the new text prepared once, then every note placed in it. */
    private static Map<Reanchor.Method, Integer> run(String editedText, int oldLength, List<TextPositionSelector> positions,
                                                     List<TextQuoteSelector> quotes) {
        Reanchor.Text edited = Reanchor.Text.of(editedText);
        Map<Reanchor.Method, Integer> methods = new EnumMap<>(Reanchor.Method.class);
        for (int i = 0; i < positions.size(); i++) {
            methods.merge(Reanchor.anchor(edited, oldLength, positions.get(i), quotes.get(i)).method(), 1, Integer::sum);
        }
        return methods;
    }

    private static String edit(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int middle = wordStart(text, text.length() / 2);
        out.delete(middle, wordStart(text, middle + 1500));
        for (int i = 0; i < 50; i++) {
            int at = wordStart(out.toString(), 5000 + random.nextInt(out.length() - 6000));
            out.insert(at + 1, 'x');
        }
        out.insert(wordStart(text, text.length() / 20), "\n\n" + prose(new Random(11), 2000) + "\n\n");
        return out.toString();
    }

    private static int wordStart(String text, int from) {
        int i = Math.min(from, text.length() - 1);
        while (i < text.length() - 1 && text.charAt(i) != ' ') {
            i++;
        }
        return i + 1;
    }

    private static String prose(Random random, int length) {
        String[] vocabulary = new String[600];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder word = new StringBuilder();
            for (int j = 0, n = 2 + random.nextInt(9); j < n; j++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary[i] = word.toString();
        }
        StringBuilder out = new StringBuilder();
        int sentence = 0;
        while (out.length() < length) {
            out.append(vocabulary[random.nextInt(vocabulary.length)]);
            if (++sentence % 14 == 0) {
                out.append(sentence % 70 == 0 ? ".\n\n" : ". ");
            } else {
                out.append(' ');
            }
        }
        return out.substring(0, length);
    }
}
