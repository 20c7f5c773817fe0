package app.marginalia.core.document;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StructuredTextTest {

    @Test
    void shouldReadMarkdownHeadingsWithoutTheirMarks() {
        assertEquals(List.of(Part.heading(1, "Introduction"), Part.heading(2, "Related work"),
                        Part.heading(3, "C#"), Part.of(BlockKind.PARAGRAPH, "Text.")),
                StructuredText.parse("# Introduction\n\n## Related work ##\n\n### C#\n\nText."));
    }

    @Test
    void shouldReadNumberedHeadingsKeepingTheirNumbers() {
        assertEquals(List.of(Part.heading(1, "1 Introduction"), Part.heading(2, "2.1 Method"),
                        Part.heading(3, "2.1.3 Details"), Part.heading(1, "IV Results"), Part.heading(1, "A. Proofs")),
                StructuredText.parse("1 Introduction\n\n2.1 Method\n\n2.1.3 Details\n\nIV Results\n\nA. Proofs"));
    }

    @Test
    void shouldNotTakeNumberedSentencesForHeadings() {
        List<Part> parts = StructuredText.parse("3 Owls were seen at night.\n\n"
                + "2 birds, and a very long line of words that goes on and on and on and on beyond any heading\n\n"
                + "1 Introduction\nwith a second line");
        assertEquals(List.of(BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH),
                parts.stream().map(Part::kind).toList());
    }

    @Test
    void shouldReadCaptionsEquationsAndFootnotes() {
        assertEquals(List.of(Part.of(BlockKind.CAPTION, "Figure 2: Owls by night."),
                        Part.of(BlockKind.CAPTION, "Table 1. Counts."), Part.of(BlockKind.CAPTION, "Fig. 3: Larks."),
                        Part.of(BlockKind.EQUATION, "a^2 + b^2 = c^2"), Part.of(BlockKind.FOOTNOTE, "Seen in 2020."),
                        Part.of(BlockKind.PARAGRAPH, "Figures are nice.")),
                StructuredText.parse("Figure 2: Owls by night.\n\nTable 1. Counts.\n\nFig. 3: Larks.\n\n"
                        + "$$ a^2 + b^2 = c^2\n\n[^]: Seen in 2020.\n\nFigures are nice."));
    }

    @Test
    void shouldReadEveryParagraphAfterReferencesAsAReferenceUntilTheNextHeading() {
        List<Part> parts = StructuredText.parse("Text.\n\nReferences\n\n[1] A. 2020.\n\n[2] B. 2021.\n\n"
                + "# Appendix\n\nMore text.");
        assertEquals(List.of(BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.REFERENCE, BlockKind.REFERENCE,
                BlockKind.HEADING, BlockKind.PARAGRAPH), parts.stream().map(Part::kind).toList());
        assertEquals(BlockKind.REFERENCE, StructuredText.parse("6 References\n\n[1] A.").get(1).kind());
        assertEquals(BlockKind.REFERENCE, StructuredText.parse("## Bibliography\n\n[1] A.").get(1).kind());
    }

    @Test
    void shouldWriteSourceThatParsesBackIntoTheSameParts() {
        List<Part> parts = StructuredText.parse("# Intro\n\n1 Introduction\n\nText with\ntwo lines.\n\n"
                + "Figure 1: An owl.\n\n$$ x = y\n\n[^]: A footnote.\n\n## Sub\n\n### Deeper\n\n"
                + "References\n\n[1] A.\n\n[2] B.");
        String source = StructuredText.source(parts);
        assertEquals(parts, StructuredText.parse(source));
        assertEquals(source, StructuredText.source(StructuredText.parse(source)));
    }

    @Test
    void shouldCanonicaliseWhatItParses() {
        assertEquals(List.of(Part.heading(1, "Intro"), Part.of(BlockKind.PARAGRAPH, "Café")),
                StructuredText.parse("\uFEFF# Intro  \r\n\r\n\r\n\r\nCafe\u0301\t\n"));
        assertEquals(List.of(), StructuredText.parse(""));
        assertEquals(List.of(), StructuredText.parse(null));
    }
}
