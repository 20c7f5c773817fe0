package app.marginalia.core.group;

import app.marginalia.core.system.Enums;

import java.util.Locale;
import java.util.Optional;

/** A member's role in a reading group, from least to most authority. */
public enum Role {
    MEMBER, MODERATOR, OWNER;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String value) {
        return Enums.parse(Role.class, value);
    }
}
