package app.marginalia.persistence.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Snippets with the matching words marked: the text is analysed as the index analyses it, so
 * "Rewards" is marked for a search for "reward"; the window with the most matches is cut at
 * word boundaries, escaped for HTML, and each match wrapped in {@code <mark>}.
 */
final class Snippets {

    private final Analyzer analyzer;

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The best window of at most {@code max} characters (the whole text when {@code max} is 0),
     * or null when no word matches.
     */
    String mark(String text, Set<String> words, Set<String> prefixes, int max) {
        if (text == null || text.isEmpty() || (words.isEmpty() && prefixes.isEmpty())) {
            return null;
        }
        // Matched without making a string of every word: most words of a text match nothing.
        CharArraySet exact = new CharArraySet(words, false);
        char[][] starts = prefixes.stream().map(String::toCharArray).toArray(char[][]::new);
        List<int[]> hits = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                char[] buffer = term.buffer();
                int length = term.length();
                if (exact.contains(buffer, 0, length) || startsWithAny(buffer, length, starts)) {
                    hits.add(new int[]{offset.startOffset(), offset.endOffset()});
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (hits.isEmpty()) {
            return null;
        }
        int from = 0, to = text.length();
        if (max > 0 && text.length() > max) {
            // The window starting a little before some match that covers the most matches.
            int best = 0, bestCount = -1;
            for (int[] h : hits) {
                int start = Math.max(0, h[0] - max / 5);
                int count = 0;
                for (int[] o : hits) {
                    if (o[0] >= start && o[1] <= start + max) {
                        count++;
                    }
                }
                if (count > bestCount) {
                    best = start;
                    bestCount = count;
                }
            }
            from = wordStart(text, best);
            to = Math.min(text.length(), wordEnd(text, from + max));
        }
        StringBuilder out = new StringBuilder(to - from + 40);
        if (from > 0) {
            out.append("… ");
        }
        int at = from;
        for (int[] h : hits) {
            if (h[0] < from || h[1] > to || h[0] < at) {
                continue;
            }
            escape(text, at, h[0], out);
            out.append("<mark>");
            escape(text, h[0], h[1], out);
            out.append("</mark>");
            at = h[1];
        }
        escape(text, at, to, out);
        if (to < text.length()) {
            out.append(" …");
        }
        return out.toString();
    }

    private static boolean startsWithAny(char[] buffer, int length, char[][] prefixes) {
        for (char[] prefix : prefixes) {
            if (prefix.length <= length && Arrays.equals(buffer, 0, prefix.length, prefix, 0, prefix.length)) {
                return true;
            }
        }
        return false;
    }

    private static int wordStart(String text, int i) {
        if (i <= 0) {
            return 0;
        }
        int space = text.indexOf(' ', i);
        return space < 0 || space - i > 30 ? i : space + 1;
    }

    private static int wordEnd(String text, int i) {
        if (i >= text.length()) {
            return text.length();
        }
        int space = text.lastIndexOf(' ', i);
        return space <= 0 || i - space > 30 ? i : space;
    }

    static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
