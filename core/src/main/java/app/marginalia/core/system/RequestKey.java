package app.marginalia.core.system;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key a form or a client sends once per intended write (a hidden field, or the
 * {@code Idempotency-Key} header), so that a double submit or a retry is recognised as the same
 * request. Random enough to be unguessable among one person's keys, short enough to index.
 */
public final class RequestKey {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

    private RequestKey() {
    }

    /** Why {@code key} cannot be a request key, or empty when it can (or when none was sent). */
    public static Optional<String> problem(String key) {
        if (key == null || SHAPE.matcher(key).matches()) {
            return Optional.empty();
        }
        return Optional.of("A request key has " + MIN_LENGTH + " to " + MAX_LENGTH
                + " letters, digits, '-' or '_'; send a new one, such as a UUID.");
    }

    /** The key as stored: none when blank, as a form without the field sends it. */
    public static String normalise(String key) {
        return key == null || key.isBlank() ? null : key.strip();
    }
}
