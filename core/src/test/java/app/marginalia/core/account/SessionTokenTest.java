package app.marginalia.core.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration MAX_AGE = Duration.ofDays(14);
    private final SignedToken signer = new SignedToken(key((byte) 1));

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }

    @Test
    void shouldRoundTripAGenuineSession() {
        SessionToken token = SessionToken.issue(NOW.minusSeconds(3600));
        assertEquals(Optional.of(token), SessionToken.decode(token.encode(signer), signer, NOW, MAX_AGE));
    }

    @Test
    void shouldIssueUnguessableSessionsStoredOnlyAsAHash() {
        SessionToken one = SessionToken.issue(NOW);
        SessionToken two = SessionToken.issue(NOW);
        assertNotEquals(one.secret(), two.secret());
        assertEquals(43, one.secret().length(), "256 bits in base64url");
        assertEquals(64, one.storedId().length());
        assertTrue(!one.storedId().contains(one.secret()));
        assertEquals(one.storedId(), one.reissued(NOW.plusSeconds(86_400)).storedId(), "renewal keeps the session");
    }

    @Test
    void shouldRejectForgedTamperedExpiredAndOldFormatSessions() {
        String cookie = SessionToken.issue(NOW).encode(signer);
        SignedToken otherKey = new SignedToken(key((byte) 2));
        assertTrue(SessionToken.decode(cookie, otherKey, NOW, MAX_AGE).isEmpty(), "another key");
        String forged = otherKey.sign("s2:abc:" + NOW.getEpochSecond());
        assertTrue(SessionToken.decode(forged, signer, NOW, MAX_AGE).isEmpty(), "forged payload");
        String tampered = cookie.replace(cookie.charAt(2), cookie.charAt(2) == 'A' ? 'B' : 'A');
        assertTrue(SessionToken.decode(tampered, signer, NOW, MAX_AGE).isEmpty(), "tampered");
        assertTrue(SessionToken.decode(cookie, signer, NOW.plus(MAX_AGE), MAX_AGE).isEmpty(), "expired");
        String irrevocable = signer.sign("s1:42:0:" + NOW.getEpochSecond());
        assertTrue(SessionToken.decode(irrevocable, signer, NOW, MAX_AGE).isEmpty(), "the old, unrevocable format");
        assertTrue(SessionToken.decode("garbage", signer, NOW, MAX_AGE).isEmpty());
        assertTrue(SessionToken.decode(null, signer, NOW, MAX_AGE).isEmpty());
    }

    @Test
    void shouldDigestValuesStably() {
        assertEquals(signer.digest("nonce"), signer.digest("nonce"));
        assertTrue(!signer.digest("nonce").equals(new SignedToken(key((byte) 2)).digest("nonce")));
    }
}
