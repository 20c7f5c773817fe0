package app.marginalia.core.system;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestKeyTest {

    @Test
    void shouldAcceptAUuidAndNoKeyAtAll() {
        assertTrue(RequestKey.problem(UUID.randomUUID().toString()).isEmpty());
        assertTrue(RequestKey.problem(null).isEmpty());
    }

    @Test
    void shouldRefuseKeysThatAreTooShortTooLongOrOddlyShaped() {
        for (String bad : new String[]{"short", "x".repeat(65), "with space inside", "quote\"key1", "ünïcode-key", "a/b/c/d/e/f"}) {
            assertTrue(RequestKey.problem(bad).orElseThrow().contains("letters, digits"), bad);
        }
    }

    @Test
    void shouldTreatABlankFieldAsNoKey() {
        assertNull(RequestKey.normalise(""));
        assertNull(RequestKey.normalise("   "));
        assertEquals("abcdefgh", RequestKey.normalise(" abcdefgh "));
    }
}
