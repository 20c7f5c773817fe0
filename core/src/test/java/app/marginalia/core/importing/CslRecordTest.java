package app.marginalia.core.importing;

import app.marginalia.core.paper.PartialDate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** CSL-JSON as a JSON parser hands it over: maps, lists, strings and numbers. */
class CslRecordTest {

    private static final Doi DOI = Doi.parse("10.1145/3442188.3445922");

    private static Map<String, Object> parrots() {
        return Map.of(
                "title", "On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? \uD83E\uDD9C",
                "author", List.of(Map.of("given", "Emily M.", "family", "Bender"), Map.of("given", "Timnit", "family", "Gebru"),
                        Map.of("literal", "The BigScience Workshop")),
                "issued", Map.of("date-parts", List.of(List.of(2021, 3))),
                "abstract", "<jats:title>Abstract</jats:title><jats:p>The past 3 years of work in NLP &amp; beyond.</jats:p>"
                        + "<jats:p>In this paper, we take a step back.</jats:p>",
                "DOI", "10.1145/3442188.3445922",
                "URL", "https://doi.org/10.1145/3442188.3445922",
                "container-title", List.of("Proceedings of FAccT"),
                "link", List.of(Map.of("URL", "https://dl.acm.org/doi/pdf/10.1145/3442188.3445922", "content-type", "unspecified")));
    }

    @Test
    void shouldReadTitleAuthorsDateVenueAndLink() {
        ImportedPaper paper = CslRecord.paper(parrots(), DOI);
        assertEquals("On the Dangers of Stochastic Parrots: Can Language Models Be Too Big? \uD83E\uDD9C", paper.title());
        assertEquals(List.of("Emily M. Bender", "Timnit Gebru", "The BigScience Workshop"), paper.authors());
        assertEquals(new PartialDate(2021, 3, null), paper.date());
        assertEquals("Proceedings of FAccT", paper.venue());
        assertEquals("https://doi.org/10.1145/3442188.3445922", paper.link());
        assertEquals(DOI, paper.doi());
    }

    @Test
    void shouldStripJatsMarkupIntoParagraphsWithoutTheAbstractHeading() {
        assertEquals("The past 3 years of work in NLP & beyond.\n\nIn this paper, we take a step back.",
                CslRecord.paper(parrots(), DOI).abstractText());
    }

    @Test
    void shouldOfferAPdfOnlyWhenALinkSaysItIsOne() {
        assertNull(CslRecord.paper(parrots(), DOI).pdfUrl(), "an 'unspecified' link is not taken for a PDF");
        Map<String, Object> open = new java.util.HashMap<>(parrots());
        open.put("link", List.of(Map.of("URL", "https://example.org/paper.pdf", "content-type", "application/pdf")));
        assertEquals("https://example.org/paper.pdf", CslRecord.paper(open, DOI).pdfUrl());
    }

    @Test
    void shouldRefuseARecordWithoutATitle() {
        assertEquals(ImportProblem.Kind.UNREADABLE,
                assertThrows(ImportProblem.class, () -> CslRecord.paper(Map.of("DOI", "10.1/x"), DOI)).kind());
    }

    @Test
    void shouldLeaveOutAnImpossibleDate() {
        Map<String, Object> odd = new java.util.HashMap<>(parrots());
        odd.put("issued", Map.of("date-parts", List.of(List.of(2021, 13))));
        assertNull(CslRecord.paper(odd, DOI).date());
    }
}
