package app.marginalia.core.system;

import java.util.Locale;
import java.util.Optional;

/** Reads an enum constant from user input: trimmed, any case; empty for anything else. */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
