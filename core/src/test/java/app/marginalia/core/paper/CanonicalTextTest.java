package app.marginalia.core.paper;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CanonicalTextTest {

    @Test
    void shouldNormaliseToNfcWithUnixLineEnds() {
        String decomposed = "Cafe\u0301\r\nnai\u0308ve\rend";
        assertEquals("Caf\u00e9\nna\u00efve\nend", CanonicalText.of(decomposed));
    }

    @Test
    void shouldCollapseBlankLineRunsAndTrimTrailingSpace() {
        assertEquals("one\n\ntwo", CanonicalText.of("  \none   \n\n\n\ntwo\n\n"));
        assertEquals("a  b", CanonicalText.of("a\t b\u0007"));
        assertEquals("a b", CanonicalText.singleLine(" a \n  b "));
        assertEquals("", CanonicalText.of(null));
    }

    @Test
    void shouldCountOffsetsInCodePointsBeyondTheBasicPlane() {
        String text = CanonicalText.of("🙂 first\n\nsecond 😀 para\n\nthird");
        List<CanonicalText.Paragraph> paragraphs = CanonicalText.paragraphs(text);
        assertEquals(List.of(new CanonicalText.Paragraph(0, 7, "🙂 first"),
                new CanonicalText.Paragraph(9, 22, "second 😀 para"),
                new CanonicalText.Paragraph(24, 29, "third")), paragraphs);
        assertEquals(29, CanonicalText.length(text));
        assertEquals('t', text.codePointAt(text.offsetByCodePoints(0, 24)));
    }

    @Test
    void shouldKeepSingleLineBreaksInsideAParagraph() {
        assertEquals(List.of(new CanonicalText.Paragraph(0, 9, "line\nnext")),
                CanonicalText.paragraphs(CanonicalText.of("line\nnext")));
    }
}
