package app.marginalia.core.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What someone typed into the search box, understood: words (each also matched as a prefix
 * and with small typos), "quoted phrases", {@code -excluded} words and phrases, and filters —
 * {@code tag:}, {@code by:}, {@code group:}, {@code paper:} and {@code is:question},
 * {@code is:open}, {@code is:answered}, {@code is:resolved}, {@code is:note},
 * {@code is:highlight}. A filter value may be quoted ({@code group:"Tuesday club"}). An
 * unknown {@code key:value} is searched as it is, so "arXiv:1706.03762" still finds its text.
 */
public record SearchQuery(List<String> words, List<String> phrases, List<String> excluded,
                          List<String> tags, List<String> authors, List<String> groups, List<String> papers,
                          Set<Is> is) {

    /** The longest query accepted, in characters. */
    public static final int MAX_LENGTH = 500;
    /** The most words, phrases and filters in one query. */
    public static final int MAX_PARTS = 32;

    /** The {@code is:} filters. */
    public enum Is {
        QUESTION, OPEN, ANSWERED, RESOLVED, NOTE, HIGHLIGHT;

        static Optional<Is> parse(String value) {
            for (Is is : values()) {
                if (is.name().equalsIgnoreCase(value)) {
                    return Optional.of(is);
                }
            }
            return Optional.empty();
        }
    }

    /** A query that cannot be run, with the reason for the person who typed it. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    public static SearchQuery parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.length() > MAX_LENGTH) {
            throw new Invalid("A search can be at most " + MAX_LENGTH + " characters; this one has " + text.length() + ".");
        }
        List<String> words = new ArrayList<>(), phrases = new ArrayList<>(), excluded = new ArrayList<>(),
                tags = new ArrayList<>(), authors = new ArrayList<>(), groups = new ArrayList<>(), papers = new ArrayList<>();
        Set<Is> is = EnumSet.noneOf(Is.class);
        int parts = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = c == '-' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
            if (negated) {
                i++;
            }
            String key = null;
            int colon = keyEnd(text, i);
            if (colon > 0) {
                key = text.substring(i, colon).toLowerCase(Locale.ROOT);
                i = colon + 1;
            }
            String value;
            boolean quoted = i < text.length() && text.charAt(i) == '"';
            if (quoted) {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? text.length() : close;
                value = text.substring(i + 1, end).strip();
                i = close < 0 ? text.length() : close + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                value = text.substring(i, end);
                i = end;
            }
            if (value.isEmpty()) {
                continue;
            }
            if (++parts > MAX_PARTS) {
                throw new Invalid("A search can have at most " + MAX_PARTS + " words, phrases and filters.");
            }
            if (key != null) {
                switch (key) {
                    case "tag" -> tags.add(value.toLowerCase(Locale.ROOT));
                    case "by" -> authors.add(value.startsWith("@") ? value.substring(1) : value);
                    case "group" -> groups.add(value);
                    case "paper" -> papers.add(value);
                    case "is" -> is.add(Is.parse(value).orElseThrow(() -> new Invalid("Unknown filter is:" + value
                            + "; use is:question, is:open, is:answered, is:resolved, is:note or is:highlight.")));
                    default -> throw new IllegalStateException(key);
                }
                continue;
            }
            List<String> target = negated ? excluded : quoted ? phrases : words;
            target.add(quoted && negated ? "\"" + value + "\"" : value);
        }
        return new SearchQuery(List.copyOf(words), List.copyOf(phrases), List.copyOf(excluded), List.copyOf(tags),
                List.copyOf(authors), List.copyOf(groups), List.copyOf(papers), Set.copyOf(is));
    }

    /** The end of a known filter key starting at {@code i} (the colon's index), or -1. */
    private static int keyEnd(String text, int i) {
        for (String key : List.of("tag", "by", "group", "paper", "is")) {
            int end = i + key.length();
            if (end < text.length() && text.charAt(end) == ':' && text.regionMatches(true, i, key, 0, key.length())
                    && end + 1 < text.length() && !Character.isWhitespace(text.charAt(end + 1))) {
                return end;
            }
        }
        return -1;
    }

    /** Nothing to search for and nothing to filter by. */
    public boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty() && tags.isEmpty() && authors.isEmpty() && groups.isEmpty()
                && papers.isEmpty() && is.isEmpty();
    }

    /** Filters that only notes have: papers are left out of the results. */
    public boolean notesOnly() {
        return !tags.isEmpty() || !authors.isEmpty() || !groups.isEmpty() || !is.isEmpty();
    }

    /** Only filters and exclusions, no words: results come in recency order rather than by relevance. */
    public boolean filtersOnly() {
        return words.isEmpty() && phrases.isEmpty();
    }
}
