package app.marginalia.core.importing;

import app.marginalia.core.paper.PartialDate;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArxivFeedTest {

    private static ArxivFeed feed(String name) {
        InputStream in = ArxivFeedTest.class.getResourceAsStream("/importing/" + name);
        return ArxivFeed.parse(in);
    }

    @Test
    void shouldReadTitleAuthorsAbstractDateAndCategoriesOfARecordedFeed() {
        ImportedPaper paper = feed("arxiv-2212.08073.xml").paper(ArxivId.parse("2212.08073"));
        assertEquals("Constitutional AI: Harmlessness from AI Feedback", paper.title());
        assertEquals(List.of("Yuntao Bai", "Saurav Kadavath", "Sandipan Kundu", "Amanda Askell", "Jackson Kernion",
                "Jared Kaplan"), paper.authors());
        assertTrue(paper.abstractText().startsWith("As AI systems become more capable, we would like to enlist their "
                + "help to supervise other AIs."), paper.abstractText());
        assertFalse(paper.abstractText().contains("\n"), "arXiv's hard line breaks are undone");
        assertEquals(new PartialDate(2022, 12, 15), paper.date());
        assertEquals(List.of("cs.CL", "cs.AI"), paper.categories());
        assertEquals("http://arxiv.org/pdf/2212.08073v1", paper.pdfUrl());
        assertEquals("https://arxiv.org/abs/2212.08073", paper.link());
        assertEquals("2212.08073", paper.arxivId().id());
    }

    @Test
    void shouldFindElementsByNamespaceWhateverPrefixTheFeedBinds() {
        ImportedPaper paper = feed("arxiv-1706.03762.xml").paper(ArxivId.parse("1706.03762v7"));
        assertEquals("Attention Is All You Need", paper.title());
        assertEquals("10.48550/arxiv.1706.03762", paper.doi().value());
        assertEquals("Advances in Neural Information Processing Systems 30 (2017)", paper.venue());
        assertEquals(List.of("cs.CL", "cs.LG"), paper.categories());
        assertEquals(7, paper.arxivId().version());
    }

    @Test
    void shouldSayArxivHasNoSuchPaperForAnErrorEntry() {
        ImportProblem problem = assertThrows(ImportProblem.class,
                () -> feed("arxiv-error.xml").paper(ArxivId.parse("2212.99999")));
        assertEquals(ImportProblem.Kind.NOT_FOUND, problem.kind());
        assertEquals("arXiv has no paper with id 2212.99999. Check the id on arxiv.org.", problem.getMessage());
        assertTrue(feed("arxiv-error.xml").entries().get(0).isError());
    }

    @Test
    void shouldSayNotFoundForAFeedWithoutEntries() {
        ImportProblem problem = assertThrows(ImportProblem.class,
                () -> feed("arxiv-empty.xml").paper(ArxivId.parse("2301.99999")));
        assertEquals(ImportProblem.Kind.NOT_FOUND, problem.kind());
    }

    @Test
    void shouldNotTakeAnotherPapersEntryForTheOneAskedFor() {
        assertThrows(ImportProblem.class, () -> feed("arxiv-1706.03762.xml").paper(ArxivId.parse("2212.08073")));
    }

    @Test
    void shouldRefuseADoctypeSoNoExternalEntityIsEverRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>http://arxiv.org/abs/2212.08073v1</id>"
                + "<title>&x;</title></entry></feed>";
        ImportProblem problem = assertThrows(ImportProblem.class,
                () -> ArxivFeed.parse(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))));
        assertEquals(ImportProblem.Kind.UNREADABLE, problem.kind());
    }

    @Test
    void shouldCallAnAnswerThatIsNotAFeedUnreadable() {
        assertEquals(ImportProblem.Kind.UNREADABLE, assertThrows(ImportProblem.class, () -> ArxivFeed.parse(
                new ByteArrayInputStream("<html><body>Service unavailable</body></html>".getBytes(StandardCharsets.UTF_8))))
                .kind());
        assertEquals(ImportProblem.Kind.UNREADABLE, assertThrows(ImportProblem.class, () -> ArxivFeed.parse(
                new ByteArrayInputStream("not xml".getBytes(StandardCharsets.UTF_8)))).kind());
    }
}
