package app.marginalia.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a session cookie says: which server-side session it is (a random secret) and when the
 * cookie was issued. The session itself is a database row keyed by {@link #storedId()}, so
 * ending it there ends it everywhere, whatever copies of the cookie exist.
 */
public record SessionToken(String secret, Instant issuedAt) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VERSION = "s2";

    public SessionToken {
        if (secret == null || secret.isEmpty() || secret.contains(":")) {
            throw new IllegalArgumentException("a session secret is a non-empty token without colons");
        }
    }

    /** A new session: 256 random bits, issued now. */
    public static SessionToken issue(Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), now);
    }

    /** The same session in a cookie issued at {@code now}: how a session is renewed. */
    public SessionToken reissued(Instant now) {
        return new SessionToken(secret, now);
    }

    /**
     * The key of the session's row: a SHA-256 of the secret, so someone who reads the table
     * still cannot present its sessions (the cookie's signature is the second lock).
     */
    public String storedId() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public String encode(SignedToken signer) {
        return signer.sign(VERSION + ":" + secret + ":" + issuedAt.getEpochSecond());
    }

    /**
     * The session, if the cookie is genuine and younger than {@code maxAge}. Cookies of the
     * earlier format (account id and epoch, no server-side row) are not accepted: they could
     * not be revoked.
     */
    public static Optional<SessionToken> decode(String cookie, SignedToken signer, Instant now, Duration maxAge) {
        return signer.verify(cookie).flatMap(payload -> {
            String[] parts = payload.split(":");
            if (parts.length != 3 || !parts[0].equals(VERSION) || parts[1].isEmpty()) {
                return Optional.empty();
            }
            try {
                SessionToken token = new SessionToken(parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])));
                boolean fresh = !token.issuedAt.isAfter(now.plusSeconds(60))
                        && token.issuedAt.plus(maxAge).isAfter(now);
                return fresh ? Optional.of(token) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
