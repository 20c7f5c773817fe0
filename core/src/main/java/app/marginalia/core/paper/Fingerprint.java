package app.marginalia.core.paper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Identity of a paper's text for de-duplication. Two texts that differ only in case,
 * punctuation, compatibility characters or whitespace are the same paper: the seed lists
 * were collected by hand and copy-paste varies exactly in those ways.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** Letters and digits only, lower case, single spaces: what de-duplication compares. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** SHA-256 of the normalised text, as 64 hex digits; the empty text has no fingerprint. */
    public static String of(String text) {
        String normalised = normalise(text);
        if (normalised.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    /** The key under which titles are compared: normalised, at most 255 characters. */
    public static String titleKey(String title) {
        String normalised = normalise(title);
        return normalised.length() > 255 ? normalised.substring(0, 255) : normalised;
    }
}
