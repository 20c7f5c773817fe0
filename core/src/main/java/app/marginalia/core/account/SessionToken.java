package app.marginalia.core.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a session cookie says: who is signed in, since when, and the account's session epoch
 * when it was issued. Changing a password bumps the epoch, which ends every older session.
 */
public record SessionToken(long accountId, int epoch, Instant issuedAt) {

    public String encode(SignedToken signer) {
        return signer.sign("s1:" + accountId + ":" + epoch + ":" + issuedAt.getEpochSecond());
    }

    /** The session, if the cookie is genuine and younger than {@code maxAge}. */
    public static Optional<SessionToken> decode(String cookie, SignedToken signer, Instant now, Duration maxAge) {
        return signer.verify(cookie).flatMap(payload -> {
            String[] parts = payload.split(":");
            if (parts.length != 4 || !parts[0].equals("s1")) {
                return Optional.empty();
            }
            try {
                SessionToken token = new SessionToken(Long.parseLong(parts[1]), Integer.parseInt(parts[2]),
                        Instant.ofEpochSecond(Long.parseLong(parts[3])));
                boolean fresh = !token.issuedAt.isAfter(now.plusSeconds(60))
                        && token.issuedAt.plus(maxAge).isAfter(now);
                return fresh ? Optional.of(token) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
