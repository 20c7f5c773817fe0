package app.marginalia.core.paper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FingerprintTest {

    @Test
    void shouldIgnoreCaseWhitespacePunctuationAndCompatibilityForms() {
        assertEquals(Fingerprint.of("Toy models of superposition."),
                Fingerprint.of("  TOY  Models\nof ‘superposition’ "));
        assertEquals(Fingerprint.of("ﬁne-tuning"), Fingerprint.of("fine tuning"));
        assertEquals(64, Fingerprint.of("text").length());
    }

    @Test
    void shouldTellDifferentTextsApart() {
        assertNotEquals(Fingerprint.of("Scaling laws for transfer"), Fingerprint.of("Scaling laws for neural models"));
        assertNull(Fingerprint.of(" ... "));
    }

    @Test
    void shouldCompareTitlesByTheirWords() {
        assertEquals("gpt 4 technical report", Fingerprint.titleKey("GPT-4: Technical Report"));
    }
}
