package app.marginalia.web.importing;

import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperOrigin;
import app.marginalia.web.Visitor;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imports by arXiv id, DOI and BibTeX against recorded responses on a local stub server. */
@QuarkusTest
@WithTestResource(ImportStubs.class)
class ImportTest {

    private static final String OFFLINE = "Marginalia could not reach arxiv.org from the server. Is the server offline? "
            + "You can still add the paper by hand or upload its PDF.";

    private Visitor member;

    @BeforeEach
    void signIn() {
        member = Visitor.register("importer");
        ImportStubs.server.resetRequests();
    }

    @AfterEach
    void removeImports() {
        // Imported papers go; seed papers lose what a merge recorded on them.
        QuarkusTransaction.requiringNew().run(() -> {
            Paper.delete("id in (select o.paper.id from PaperOrigin o where o.kind = ?1) and id not in "
                    + "(select o.paper.id from PaperOrigin o where o.kind <> ?1)", PaperOrigin.Kind.IMPORT);
            PaperOrigin.delete("kind", PaperOrigin.Kind.IMPORT);
            Paper.update("arxivId = null, doi = null where arxivId is not null or doi is not null");
        });
    }

    private static long libraryCount() {
        return QuarkusTransaction.requiringNew().call(() -> Paper.count());
    }

    private static Paper paper(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>findById(id));
    }

    private static long idOf(Response redirect) {
        return Long.parseLong(redirect.header("Location").replaceAll(".*/papers/(\\d+).*", "$1"));
    }

    private static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }

    @Test
    void shouldOfferTheImportPageFromTheLibraryAndTheAddPage() {
        assertFalse(html(member.get("/papers")).select("a[href=/papers/import]").isEmpty());
        assertFalse(html(member.get("/papers/new")).select("a[href=/papers/import]").isEmpty());
        Document page = html(member.get("/papers/import"));
        assertNotNull(page.selectFirst("form[action=/papers/import/arxiv] input[name=_csrf]"));
        assertNotNull(page.selectFirst("form[action=/papers/import/doi] label[for=doi]"));
        assertNotNull(page.selectFirst("form[action=/papers/import/bibtex][enctype=multipart/form-data] input[type=file]"));
        assertEquals(303, Visitor.anonymous().get("/papers/import").statusCode(), "members only");
    }

    @Test
    void shouldImportAnArxivPaperWithItsMetadataAndFetchItsPdf() {
        long before = libraryCount();
        Response response = member.post("/papers/import/arxiv", "id", "https://arxiv.org/abs/1706.03762v7");
        assertEquals(303, response.statusCode(), response.asString());
        Paper paper = paper(idOf(response));
        assertEquals("Attention Is All You Need", paper.title);
        assertEquals(List.of("Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit"), paper.authorList());
        assertEquals("1706.03762", paper.arxivId);
        assertEquals("10.48550/arxiv.1706.03762", paper.doi);
        assertEquals(2017, paper.publishedYear);
        assertEquals("https://arxiv.org/abs/1706.03762", paper.link);
        assertEquals(before + 1, libraryCount());
        ImportStubs.server.verify(1, getRequestedFor(urlPathEqualTo("/pdf/1706.03762v7")).withHeader("Accept",
                WireMock.equalTo("application/pdf")));
        // The fetched PDF is the paper's text: version 2, a full text with its file, the abstract from the PDF.
        io.restassured.path.json.JsonPath text = io.restassured.RestAssured.given().get("/api/papers/" + paper.id)
                .then().statusCode(200).extract().jsonPath();
        String flash = html(member.get(response.header("Location"))).select(".flash-bar").text();
        assertEquals("FULL_TEXT", text.getString("text.kind"), flash);
        assertEquals(2, text.getInt("text.version"));
        assertTrue(text.get("text.fileId") != null, "the text version names its PDF");
        assertEquals("abstract", text.getString("text.blocks[0].kind"));
        assertEquals(200, io.restassured.RestAssured.given().redirects().follow(false)
                .get("/papers/" + paper.id + "/pages").statusCode());
        Document reader = html(member.get(response.header("Location")));
        assertTrue(reader.select("dd").text().contains("arXiv import by Importer"), reader.select("dl.facts").text());
    }

    @Test
    void shouldOfferTheSeedPaperInsteadOfImportingItTwiceAndRecordTheIdOnMerge() {
        long before = libraryCount();
        Response response = member.post("/papers/import/arxiv", "id", "arXiv:2212.08073");
        assertEquals(409, response.statusCode());
        Document page = html(response);
        Element offered = page.selectFirst("#import-duplicate-title + ul a.entry__title");
        assertEquals("Constitutional AI: Harmlessness from AI Feedback", offered.text());
        assertEquals(before, libraryCount());
        Element merge = page.selectFirst("form[action=/papers/import/merge]");
        String paperId = merge.selectFirst("input[name=paperId]").val();
        assertEquals("2212.08073", merge.selectFirst("input[name=arxivId]").val());

        assertEquals(303, member.post("/papers/import/merge", "paperId", paperId, "arxivId", "2212.08073",
                "doi", "", "source", "arxiv").statusCode());
        assertEquals("2212.08073", paper(Long.parseLong(paperId)).arxivId);

        // Now the id is known: the paper is offered without asking arXiv again.
        ImportStubs.server.resetRequests();
        assertEquals(409, member.post("/papers/import/arxiv", "id", "2212.08073v2").statusCode());
        ImportStubs.server.verify(0, getRequestedFor(urlPathEqualTo("/api/query")));
    }

    @Test
    void shouldSayArxivHasNoSuchPaper() {
        Response response = member.post("/papers/import/arxiv", "id", "2301.99999");
        assertEquals(422, response.statusCode());
        assertEquals("arXiv has no paper with id 2301.99999. Check the id on arxiv.org.",
                html(response).selectFirst(".alert--error p").text());
        Response error = member.post("/papers/import/arxiv", "id", "1901.00001");
        assertEquals(422, error.statusCode());
        assertTrue(html(error).selectFirst(".alert--error p").text().startsWith("arXiv has no paper with id 1901.00001"));
    }

    @Test
    void shouldRefuseWhatIsNotAnArxivIdWithoutAskingArxiv() {
        Response response = member.post("/papers/import/arxiv", "id", "not an id");
        assertEquals(400, response.statusCode());
        assertEquals("not an id", html(response).selectFirst("#arxiv-id").val(), "what was typed is kept");
        ImportStubs.server.verify(0, getRequestedFor(urlPathEqualTo("/api/query")));
    }

    @Test
    void shouldImportByDoiFromCslJson() {
        Response response = member.post("/papers/import/doi", "doi", "https://doi.org/10.1145/3442188.3445922");
        assertEquals(303, response.statusCode(), response.asString());
        Paper paper = paper(idOf(response));
        assertTrue(paper.title.startsWith("On the Dangers of Stochastic Parrots"));
        assertEquals(List.of("Emily M. Bender", "Timnit Gebru", "Angelina McMillan-Major", "Shmargaret Shmitchell"),
                paper.authorList());
        assertEquals("10.1145/3442188.3445922", paper.doi);
        assertEquals(2021, paper.publishedYear);
        assertEquals(3, paper.publishedMonth);
        assertTrue(paper.abstractText.startsWith("The past 3 years of work in NLP"));
        assertTrue(paper.abstractText.contains("\n\nIn this paper"), "JATS paragraphs stay paragraphs");
        assertEquals(409, member.post("/papers/import/doi", "doi", "10.1145/3442188.3445922").statusCode(),
                "the same DOI again is offered, not created");
    }

    @Test
    void shouldSayDoiOrgHasNoRecord() {
        Response response = member.post("/papers/import/doi", "doi", "10.5555/no-such-paper");
        assertEquals(422, response.statusCode());
        assertTrue(html(response).selectFirst(".alert--error p").text().startsWith("doi.org has no record of DOI 10.5555/no-such-paper"));
    }

    @Test
    void shouldSayPlainlyWhenTheServerCannotReachArxiv() {
        ImportStubs.server.stop();
        try {
            Response response = member.post("/papers/import/arxiv", "id", "1706.03762");
            assertEquals(502, response.statusCode());
            assertEquals(OFFLINE, html(response).selectFirst(".alert--error p").text());
            assertFalse(response.asString().contains("Exception"));
        } finally {
            ImportStubs.server.start();
        }
    }

    @Test
    void shouldAnswer504WhenDoiOrgDoesNotAnswerInTimeAnd502WhenTheConnectionBreaks() {
        Response slow = member.post("/papers/import/doi", "doi", "10.5555/slow");
        assertEquals(504, slow.statusCode());
        assertTrue(html(slow).selectFirst(".alert--error p").text().startsWith("Marginalia could not reach doi.org"));
        assertEquals(502, member.post("/papers/import/doi", "doi", "10.5555/reset").statusCode());
    }

    private Response uploadBibtex(byte[] file) {
        return member.request().header("Origin", Visitor.origin())
                .multiPart("_csrf", member.csrf())
                .multiPart("file", "library.bib", file, "text/x-bibtex")
                .post("/papers/import/bibtex");
    }

    @Test
    void shouldImportSeventeenOfTwentyEntriesAndReportTheBadLinesAndTheDuplicate() {
        long before = libraryCount();
        Response response = uploadBibtex(ImportStubs.fixture("library-20.bib"));
        assertEquals(200, response.statusCode(), response.asString());
        Document report = html(response);
        assertEquals(17, report.select("#created > li").size());
        assertEquals(before + 17, libraryCount());
        List<String> bad = report.select("#bad > li").eachText();
        assertEquals(2, bad.size());
        assertTrue(bad.get(0).startsWith("Line 63 (mikolov2013distributed): syntax error"), bad.get(0));
        assertTrue(bad.get(1).startsWith("Line 92 (dosovitskiy2021image): the entry is not closed"), bad.get(1));
        List<Element> duplicates = report.select("#duplicates > li");
        assertEquals(1, duplicates.size());
        assertTrue(duplicates.get(0).text().startsWith("Line 161 (bai2022constitutional)"));
        assertEquals("Constitutional AI: Harmlessness from AI Feedback", duplicates.get(0).selectFirst("li li a").text());

        Document again = html(uploadBibtex(ImportStubs.fixture("library-20.bib")));
        assertEquals(0, again.select("#created > li").size(), "importing the same file twice creates nothing new");
        assertEquals(18, again.select("#duplicates > li").size());
        assertEquals(before + 17, libraryCount());

        // Recording the duplicate against the seed paper fills its arXiv id and lists the import.
        Element merge = report.selectFirst("#duplicates form[action=/papers/import/merge]");
        long seedId = Long.parseLong(merge.selectFirst("input[name=paperId]").val());
        Response merged = member.post("/papers/import/merge", "paperId", String.valueOf(seedId),
                "arxivId", merge.selectFirst("input[name=arxivId]").val(), "doi", "", "source", "bibtex");
        assertEquals(303, merged.statusCode());
        assertEquals("2212.08073", paper(seedId).arxivId);
        assertTrue(html(member.get("/papers/" + seedId)).select("dl.facts").text().contains("BibTeX import by Importer"));
    }

    @Test
    void shouldReportAnEntryGivenTwiceInOneFileAsADuplicateOfTheFirst() {
        String twice = """
                @misc{a, title = {Margins in Motion}, abstract = {Notes move with their passage.}, eprint = {2401.01234}, archivePrefix = {arXiv}}
                @misc{b, title = {Margins in motion}, abstract = {Notes move with their passage, again.}}
                """;
        Document report = html(uploadBibtex(twice.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(1, report.select("#created > li").size());
        assertTrue(report.selectFirst("#duplicates > li").text().contains("also at line 1 of this file"));
    }

    @Test
    void shouldRefuseAFileThatIsNotBibtexWithA4xx() {
        Response response = uploadBibtex(ImportStubs.fixture("1706.03762.pdf"));
        assertEquals(422, response.statusCode());
        assertNotNull(html(response).selectFirst(".alert--error"));
    }

    @Test
    void shouldRefuseAnImportWithoutTheCsrfToken() {
        Response response = member.request().header("Origin", Visitor.origin())
                .contentType("application/x-www-form-urlencoded").formParam("id", "1706.03762")
                .post("/papers/import/arxiv");
        assertEquals(403, response.statusCode());
    }

    @Test
    void shouldOfferToFetchTheFullPaperOnTheReaderOfAnAbstractOnlyPaper() {
        long seedId = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>find("title",
                "Constitutional AI: Harmlessness from AI Feedback").firstResult().id);
        Document reader = html(member.get("/papers/" + seedId));
        Element form = reader.selectFirst("form[action=/papers/import/full/" + seedId + "]");
        assertNotNull(form);
        assertNotNull(form.selectFirst("label[for=fetch-full-source]"));
        assertNull(html(Visitor.anonymous().get("/papers/" + seedId)).selectFirst("form[action^=/papers/import/full]"));
        Response fetched = member.post("/papers/import/full/" + seedId, "source", "10.1145/3442188.3445922");
        assertEquals(303, fetched.statusCode());
        String flash = html(member.get(fetched.header("Location"))).select("[role=status], .flash").text();
        assertTrue(flash.contains("No open PDF was found for DOI 10.1145/3442188.3445922"), flash);
    }
}
