package app.marginalia.core.annotation;

import app.marginalia.core.system.Enums;

import java.util.Optional;

/** The reactions a member can leave on a note: one of each kind per person. */
public enum ReactionKind {
    AGREE("👍", "Agree"),
    INSIGHTFUL("💡", "Insightful"),
    CONFUSED("❓", "Confused");

    private final String symbol;
    private final String label;

    ReactionKind(String symbol, String label) {
        this.symbol = symbol;
        this.label = label;
    }

    public String symbol() {
        return symbol;
    }

    public String label() {
        return label;
    }

    public static Optional<ReactionKind> parse(String value) {
        return Enums.parse(ReactionKind.class, value);
    }
}
