package app.marginalia.core.search;

import app.marginalia.core.discussion.ThreadKind;
import app.marginalia.core.discussion.ThreadState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What someone typed into the search box, understood: words (each also matched as a prefix
 * and with small typos), "quoted phrases", {@code -excluded} words and phrases, and filters —
 * {@code tag:}, {@code by:}, {@code group:}, {@code paper:} and {@code is:} (a kind:
 * question, note, highlight, reply; or a thread state: open, answered, unresolved, resolved).
 * Every filter can be negated: {@code -tag:x} leaves out exactly what {@code tag:x} keeps. A
 * filter value may be quoted ({@code group:"Tuesday club"}). An unknown {@code key:value} is
 * searched as it is, so "arXiv:1706.03762" still finds its text.
 */
public record SearchQuery(List<String> words, List<String> phrases, List<String> excluded, Filters filters,
                          Filters exclusions) {

    /** The longest query accepted, in characters. */
    public static final int MAX_LENGTH = 500;
    /** The most words, phrases and filters in one query. */
    public static final int MAX_PARTS = 32;

    /**
     * The {@code is:} filters: a note's kind (the kind of its thread's root, {@link ThreadKind};
     * {@code reply} for replies) or its thread's state ({@link ThreadState}). {@link #field} names
     * the index field, {@link #term} its value.
     */
    public enum Is {
        QUESTION("kind", ThreadKind.QUESTION.term()),
        NOTE("kind", ThreadKind.NOTE.term()),
        HIGHLIGHT("kind", ThreadKind.HIGHLIGHT.term()),
        REPLY("kind", REPLY_KIND),
        OPEN("state", ThreadState.OPEN.term()),
        ANSWERED("state", ThreadState.ANSWERED.term()),
        UNRESOLVED("state", ThreadState.UNRESOLVED.term()),
        RESOLVED("state", ThreadState.RESOLVED.term());

        private final String field;
        private final String term;

        Is(String field, String term) {
            this.field = field;
            this.term = term;
        }

        /** "kind" or "state". */
        public String field() {
            return field;
        }

        /** The value typed after {@code is:}, and stored in the index. */
        public String term() {
            return term;
        }

        static Optional<Is> parse(String value) {
            return Arrays.stream(values()).filter(is -> is.term.equalsIgnoreCase(value)).findFirst();
        }

        /** "is:question, is:note, …, or is:resolved": every value, for error messages and help. */
        public static String all() {
            List<String> all = Arrays.stream(values()).map(is -> "is:" + is.term).toList();
            return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
        }
    }

    /** The kind of a reply, which is not a thread's kind. */
    public static final String REPLY_KIND = "reply";

    /** The filters of one sign: what results must match, or (negated) must not match. */
    public record Filters(List<String> tags, List<String> authors, List<String> groups, List<String> papers, Set<Is> is) {

        public boolean isEmpty() {
            return tags.isEmpty() && authors.isEmpty() && groups.isEmpty() && papers.isEmpty() && is.isEmpty();
        }

        /** Filters only notes have (tags, authors, groups, kinds and states). */
        boolean aboutNotes() {
            return !tags.isEmpty() || !authors.isEmpty() || !groups.isEmpty() || !is.isEmpty();
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
        List<String> words = new ArrayList<>(), phrases = new ArrayList<>(), excluded = new ArrayList<>();
        Builder keep = new Builder(), leaveOut = new Builder();
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
                (negated ? leaveOut : keep).add(key, value);
                continue;
            }
            List<String> target = negated ? excluded : quoted ? phrases : words;
            target.add(quoted && negated ? "\"" + value + "\"" : value);
        }
        return new SearchQuery(List.copyOf(words), List.copyOf(phrases), List.copyOf(excluded), keep.build(),
                leaveOut.build());
    }

    /** Collects the filters of one sign. */
    private static final class Builder {
        final List<String> tags = new ArrayList<>(), authors = new ArrayList<>(), groups = new ArrayList<>(),
                papers = new ArrayList<>();
        final Set<Is> is = EnumSet.noneOf(Is.class);

        void add(String key, String value) {
            switch (key) {
                case "tag" -> tags.add(value.toLowerCase(Locale.ROOT));
                case "by" -> authors.add(value.startsWith("@") ? value.substring(1) : value);
                case "group" -> groups.add(value);
                case "paper" -> papers.add(value);
                case "is" -> is.add(Is.parse(value).orElseThrow(() -> new Invalid("Unknown filter is:" + value
                        + "; use " + Is.all() + ".")));
                default -> throw new IllegalStateException(key);
            }
        }

        Filters build() {
            return new Filters(List.copyOf(tags), List.copyOf(authors), List.copyOf(groups), List.copyOf(papers),
                    Set.copyOf(is));
        }
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

    public List<String> tags() {
        return filters.tags();
    }

    public List<String> authors() {
        return filters.authors();
    }

    public List<String> groups() {
        return filters.groups();
    }

    public List<String> papers() {
        return filters.papers();
    }

    public Set<Is> is() {
        return filters.is();
    }

    /** Nothing to search for and nothing to filter by (an excluded word alone leaves nothing to look for). */
    public boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty() && filters.isEmpty() && exclusions.isEmpty();
    }

    /**
     * Filters that only notes have, kept or left out: papers are left out of the results. A
     * paper has no tags, author, group or state, so {@code -tag:x} would keep every paper; whoever
     * types a note filter is asking about notes.
     */
    public boolean notesOnly() {
        return filters.aboutNotes() || exclusions.aboutNotes();
    }

    /** Only filters and exclusions, no words: results come in recency order rather than by relevance. */
    public boolean filtersOnly() {
        return words.isEmpty() && phrases.isEmpty();
    }
}
