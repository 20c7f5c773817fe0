package app.marginalia.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/** How long a password must be, and the form in which it is handed to bcrypt. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private PasswordRules() {
    }

    public static Optional<String> problem(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Choose a password of at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("A password can be at most " + MAX_LENGTH + " characters.");
        }
        return Optional.empty();
    }

    /**
     * bcrypt reads only the first 72 bytes of its input, so two long passphrases sharing a
     * prefix would be the same password. Hashing with SHA-256 first gives bcrypt a fixed
     * 44-character input that depends on every character.
     */
    public static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
