package app.marginalia.core.document;

import app.marginalia.core.paper.CanonicalText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentTest {

    private static final String ABSTRACT = "We study owls. They hunt at night.\n\nA second abstract paragraph.";

    private static List<Part> body() {
        return List.of(Part.heading(1, "1 Introduction"), Part.of(BlockKind.PARAGRAPH, "Owls are birds."),
                Part.of(BlockKind.EQUATION, "E = mc²"), Part.of(BlockKind.CAPTION, "Figure 1: An owl."),
                Part.of(BlockKind.FOOTNOTE, "A note."), Part.heading(1, "References"),
                Part.of(BlockKind.REFERENCE, "[1] Owl, A. Night. 2020."), Part.of(BlockKind.REFERENCE, "[2] Lark, B. Dawn."));
    }

    @Test
    void shouldComposeTheAbstractFirstThenTheBodyWithBlankLinesBetweenBlocks() {
        Document d = Document.withAbstract(ABSTRACT, body());
        assertTrue(d.text().startsWith(ABSTRACT + "\n\n1 Introduction\n\nOwls are birds."), d.text());
        assertEquals(ABSTRACT, d.abstractText());
        assertEquals("A*2 H1 P E C F H1 R*2", d.structure());
        assertEquals(body(), d.body());
        assertTrue(d.hasBody());
        assertEquals(List.of("1 Introduction", "References"), d.headings().stream().map(Block::text).toList());
    }

    @Test
    void shouldGiveEveryBlockItsCodePointOffsetsInTheCanonicalText() {
        Document d = Document.withAbstract("Ünïcode 𝔘 astral.", List.of(Part.of(BlockKind.PARAGRAPH, "After 𝔘.")));
        for (Block b : d.blocks()) {
            int from = d.text().offsetByCodePoints(0, b.start());
            int to = d.text().offsetByCodePoints(0, b.end());
            assertEquals(b.text(), d.text().substring(from, to));
        }
        assertEquals(CanonicalText.length(d.text()), d.blocks().get(1).end());
        assertEquals(d.blocks().get(0).end() + 2, d.blocks().get(1).start());
        assertEquals(CanonicalText.length(d.text()), d.length());
    }

    @Test
    void shouldReadTheStoredStructureBackIntoTheSameBlocks() {
        Document d = Document.withAbstract(ABSTRACT, body());
        Document read = Document.of(d.text(), d.structure(), BlockKind.PARAGRAPH);
        assertEquals(d.blocks(), read.blocks());
        assertEquals(d.structure(), read.structure());
    }

    @Test
    void shouldReadHeadingLevelsAndRunsFromTheStructure() {
        Document d = Document.compose(List.of(Part.heading(1, "A"), Part.heading(2, "B"), Part.heading(2, "C"),
                Part.heading(3, "D"), Part.of(BlockKind.PARAGRAPH, "x\n\ny\n\nz")));
        assertEquals("H1 H2*2 H3 P*3", d.structure());
        Document read = Document.of(d.text(), "H1 H2*2 H3 P*3", BlockKind.ABSTRACT);
        assertEquals(List.of(1, 2, 2, 3, 0, 0, 0), read.blocks().stream().map(Block::level).toList());
    }

    @Test
    void shouldFallBackToOneKindWhenTheStructureIsMissingOrDoesNotFit() {
        String text = "One.\n\nTwo.\n\nThree.";
        for (String structure : new String[] {null, "", "P*2", "P*4", "Q*3", "P*x", "P*0 P*3", "P*99999999999",
                "H9*3", "p*3"}) {
            Document d = Document.of(text, structure, BlockKind.ABSTRACT);
            assertEquals(3, d.blocks().size(), structure);
            assertTrue(d.blocks().stream().allMatch(b -> b.kind() == BlockKind.ABSTRACT), structure);
            assertEquals(text, d.abstractText());
        }
        assertEquals("P*3", Document.of(text, "P*3", BlockKind.ABSTRACT).structure());
    }

    @Test
    void shouldStoreAnAbstractOnlyVersionAsAllAbstract() {
        Document d = Document.of(ABSTRACT, null, BlockKind.ABSTRACT);
        assertEquals("A*2", d.structure());
        assertFalse(d.hasBody());
        assertEquals(List.of(), d.body());
        assertEquals(ABSTRACT, Document.withAbstract(ABSTRACT, List.of()).text());
    }

    @Test
    void shouldNotRepeatAnAbstractPastedAgainUnderAnAbstractHeading() {
        List<Part> pasted = StructuredText.parse("Abstract\n\nWe study owls.   They hunt\nat night.\n\n"
                + "A second abstract paragraph.\n\n# 1 Introduction\n\nOwls are birds.");
        Document d = Document.withAbstract(ABSTRACT, pasted);
        assertEquals(ABSTRACT + "\n\n1 Introduction\n\nOwls are birds.", d.text());
        assertEquals("A*2 H1 P", d.structure());
    }

    @Test
    void shouldKeepAnAbstractHeadingOverADifferentAbstract() {
        List<Part> pasted = StructuredText.parse("# Abstract\n\nSomething else entirely.\n\nOwls are birds.");
        Document d = Document.withAbstract(ABSTRACT, pasted);
        assertEquals(ABSTRACT + "\n\nAbstract\n\nSomething else entirely.\n\nOwls are birds.", d.text());
        assertEquals("A*2 H1 P*2", d.structure());
    }

    @Test
    void shouldTakeTheAbstractFromAnAbstractHeadingWhenThereIsNoSeparateAbstract() {
        List<Part> pasted = StructuredText.parse("Abstract.\n\nWe study owls.\n\nMore.\n\n# Introduction\n\nText.");
        Document d = Document.withAbstract("", pasted);
        assertEquals("We study owls.\n\nMore.", d.abstractText());
        assertEquals("We study owls.\n\nMore.\n\nIntroduction\n\nText.", d.text());
        assertEquals("A*2 H1 P", d.structure());
        // Saved again through the form (abstract, body), it is the same document.
        assertEquals(d.blocks(), Document.withAbstract(d.abstractText(),
                StructuredText.parse(StructuredText.source(d.body()))).blocks());
    }

    @Test
    void shouldDropEmptyPartsAndJoinAHeadingsLines() {
        Document d = Document.compose(List.of(Part.of(BlockKind.PARAGRAPH, "  "), Part.heading(2, "Two\nlines"),
                Part.of(BlockKind.PARAGRAPH, "Body\r\ntext")));
        assertEquals("Two lines\n\nBody\ntext", d.text());
        assertEquals("H2 P", d.structure());
        assertEquals("", Document.compose(List.of()).text());
        assertEquals("", Document.compose(List.of()).structure());
    }

    @Test
    void shouldRoundTripTheBodyThroughTheFormSource() {
        Document d = Document.withAbstract(ABSTRACT, body());
        Document again = Document.withAbstract(d.abstractText(), StructuredText.parse(StructuredText.source(d.body())));
        assertEquals(d.text(), again.text());
        assertEquals(d.structure(), again.structure());
    }
}
