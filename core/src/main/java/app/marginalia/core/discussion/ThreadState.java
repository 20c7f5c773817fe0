package app.marginalia.core.discussion;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a thread stands, with the precedence written once, here:
 * <ol>
 *   <li>a thread whose root was deleted is {@link #GONE}: it counts nowhere (its replies stay readable);</li>
 *   <li>a bare highlight is {@link #NONE}: there is nothing to answer or resolve;</li>
 *   <li>a resolved thread is {@link #RESOLVED}, whatever else: resolving is the last word, so a
 *       question both answered and resolved is resolved (its answer is still shown);</li>
 *   <li>a question with a chosen answer is {@link #ANSWERED}, without one {@link #OPEN};</li>
 *   <li>any other note is {@link #UNRESOLVED} until someone resolves it.</li>
 * </ol>
 * Every count, list and filter (the SQL counts, the reader, the group page, the agenda, the
 * minutes, search's {@code is:}) asks this enum or mirrors {@link #of} exactly; the pinning test
 * checks all of them for every combination.
 */
public enum ThreadState {
    /** A question nobody answered yet and nobody resolved. */
    OPEN("open"),
    /** A question with a chosen answer, not resolved. */
    ANSWERED("answered"),
    /** A note nobody resolved yet. */
    UNRESOLVED("unresolved"),
    /** Resolved by its author or a moderator. */
    RESOLVED("resolved"),
    /** A bare highlight. */
    NONE("none"),
    /** The root was deleted. */
    GONE("gone");

    private final String term;

    ThreadState(String term) {
        this.term = term;
    }

    public static ThreadState of(ThreadKind kind, boolean answered, boolean resolved, boolean deleted) {
        if (deleted) {
            return GONE;
        }
        if (kind == ThreadKind.HIGHLIGHT) {
            return NONE;
        }
        if (resolved) {
            return RESOLVED;
        }
        if (kind == ThreadKind.QUESTION) {
            return answered ? ANSWERED : OPEN;
        }
        return UNRESOLVED;
    }

    /** Still waiting for the group: an open question or an unresolved note. */
    public boolean pending() {
        return this == OPEN || this == UNRESOLVED;
    }

    /** A thread the discussion counts at all (not a bare highlight, not deleted). */
    public boolean discussion() {
        return this != NONE && this != GONE;
    }

    /** "open", "answered", "unresolved", "resolved": the search filter's word and the page's label. */
    public String term() {
        return term;
    }

    public String label() {
        return term.substring(0, 1).toUpperCase(Locale.ROOT) + term.substring(1);
    }

    public static Optional<ThreadState> parse(String term) {
        for (ThreadState s : values()) {
            if (s.term.equalsIgnoreCase(term)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
