package app.marginalia.web.pdf;

import app.marginalia.core.pdf.PdfExtractor;
import app.marginalia.web.TestLibrary;
import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A paper from a PDF: its text is the extraction, its pages are served, and notes are drawn over the glyphs. */
@QuarkusTest
class PdfPaperTest {

    @AfterEach
    void removeAddedPapers() {
        TestLibrary.removeAddedPapers();
    }

    private static Map<String, Object> note(Long groupId, int start, int end, String text, String body) {
        Map<String, Object> json = new HashMap<>();
        json.put("groupId", groupId);
        json.put("motivation", "COMMENTING");
        json.put("start", start);
        json.put("end", end);
        json.put("exact", text.codePoints().skip(start).limit(end - start)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        json.put("body", body);
        json.put("tags", List.of());
        return json;
    }

    @Test
    void shouldCreateThePaperFromTheExtractedDocumentAndServeItsPages() throws Exception {
        Visitor member = Visitor.register("reader");
        long id = PdfTestSupport.addPaper(member, "two-column.pdf");
        var extraction = PdfExtractor.extract(PdfTestSupport.bytes("two-column.pdf"));

        JsonPath paper = given().get("/api/papers/" + id).jsonPath();
        assertEquals(extraction.document().text(), paper.getString("text.content"));

        Document pages = Jsoup.parse(given().get("/papers/" + id + "/pages").asString());
        List<Element> figures = pages.select("figure.pdf-page");
        assertEquals(extraction.pageCount(), figures.size());
        Element first = figures.get(0).selectFirst("img");
        assertEquals("eager", first.attr("loading"));
        assertTrue(Integer.parseInt(first.attr("width")) > 0 && Integer.parseInt(first.attr("height")) > 0);
        if (figures.size() > 1) {
            assertEquals("lazy", figures.get(1).selectFirst("img").attr("loading"));
        }
        assertNotNull(pages.selectFirst(".view-switch a[href=/papers/" + id + "]"), "the switch back to the text");
        assertNotNull(pages.selectFirst("a[href=/papers/" + id + "/pdf]"), "the download link");

        Response image = given().get(first.attr("src"));
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.contentType());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(image.asByteArray(), 4));
        assertTrue(image.header("Cache-Control").contains("immutable"));
        String etag = image.header("ETag");
        given().header("If-None-Match", etag).get(first.attr("src")).then().statusCode(304);
        String sha = first.attr("src").split("/")[4];
        given().get("/papers/" + id + "/pages/" + sha + "/" + (extraction.pageCount() + 1) + "-1200.png").then().statusCode(404);
        given().get("/papers/" + id + "/pages/" + sha + "/1-777.png").then().statusCode(404);
        given().get("/papers/" + id + "/pages/" + "0".repeat(64) + "/1-1200.png").then().statusCode(404);

        Response pdf = given().get("/papers/" + id + "/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(pdf.header("Content-Disposition").startsWith("attachment; filename=\"two-column.pdf\""));
        assertArrayEquals(PdfTestSupport.bytes("two-column.pdf"), pdf.asByteArray());

        // The text layer holds the canonical text of each line, at its offsets.
        String text = extraction.document().text();
        for (Element line : pages.select(".pdf-page__text span[data-start]")) {
            int start = Integer.parseInt(line.attr("data-start"));
            int end = Integer.parseInt(line.attr("data-end"));
            assertEquals(text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end)), line.text());
        }
    }

    @Test
    void shouldAnswer404ForPagesOfAPaperWithoutAFile() {
        String seedPaper = given().get("/api/papers").jsonPath().getString("[0].id");
        given().get("/papers/" + seedPaper + "/pages").then().statusCode(404);
        given().get("/papers/" + seedPaper + "/pdf").then().statusCode(404);
        assertNull(Jsoup.parse(given().get("/papers/" + seedPaper).asString()).selectFirst(".view-switch"));
    }

    @Test
    void shouldDrawANoteOverItsGlyphsForThoseWhoMaySeeIt() {
        Visitor author = Visitor.register("annotator");
        long id = PdfTestSupport.addPaper(author, "two-column.pdf");
        String text = given().get("/api/papers/" + id).jsonPath().getString("text.content");
        Element line = Jsoup.parse(author.get("/papers/" + id + "/pages").asString())
                .select(".pdf-page__text span[data-start]").stream()
                .filter(l -> l.text().length() > 20).findFirst().orElseThrow();
        int start = Integer.parseInt(line.attr("data-start"));
        Response created = author.json("POST", "/api/papers/" + id + "/annotations",
                note(null, start, start + 12, text, "A private note."));
        assertEquals(201, created.statusCode(), created.asString());
        long noteId = created.jsonPath().getLong("id");

        Document mine = Jsoup.parse(author.get("/papers/" + id + "/pages?group=0").asString());
        Element box = mine.selectFirst("a.pdf-hl[href=#annotation-" + noteId + "]");
        assertNotNull(box, "the note's highlight on its page");
        Element rect = box.selectFirst("rect");
        assertTrue(Double.parseDouble(rect.attr("width")) > 0 && Double.parseDouble(rect.attr("height")) > 0);
        assertNotNull(mine.getElementById("annotation-" + noteId), "its thread in the margin");

        // Private: nobody else sees its highlight; anyone may still read the pages.
        Document outsider = Jsoup.parse(Visitor.register("outsider").get("/papers/" + id + "/pages").asString());
        assertNull(outsider.selectFirst("a.pdf-hl[href=#annotation-" + noteId + "]"));
        Response anonymous = given().get("/papers/" + id + "/pages");
        assertEquals(200, anonymous.statusCode());
        assertNull(Jsoup.parse(anonymous.asString()).selectFirst("a.pdf-hl"));
    }

    @Test
    void shouldKeepANoteOnTheAbstractWhenThePdfIsAttached() throws Exception {
        Visitor author = Visitor.register("editor");
        var extraction = PdfExtractor.extract(PdfTestSupport.bytes("two-column.pdf"));
        String abstractText = extraction.document().abstractText().isEmpty()
                ? extraction.document().blocks().stream().map(b -> b.text()).filter(t -> t.length() > 120)
                        .findFirst().orElseThrow()
                : extraction.document().abstractText();
        String location = author.post("/papers", "title", "An abstract-only paper", "abstractText", abstractText)
                .then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/papers/(\\d+).*", "$1"));
        String before = given().get("/api/papers/" + id).jsonPath().getString("text.content");
        int start = before.indexOf(' ', before.length() / 3) + 1;
        int end = before.indexOf(' ', start + 20);
        String words = before.substring(start, end);
        long noteId = author.json("POST", "/api/papers/" + id + "/annotations",
                note(null, before.codePointCount(0, start), before.codePointCount(0, end), before, "On the abstract."))
                .then().statusCode(201).extract().jsonPath().getLong("id");

        Document reader = Jsoup.parse(author.get("/papers/" + id).asString());
        assertNotNull(reader.selectFirst("a[href=/papers/" + id + "/pdf/new]"), "Add the full paper: upload its PDF");
        assertNotNull(Jsoup.parse(author.get("/papers/" + id + "/edit").asString())
                .selectFirst("a[href=/papers/" + id + "/pdf/new]"), "the edit page offers the PDF too");
        Document attachForm = Jsoup.parse(author.get("/papers/" + id + "/pdf/new").asString());
        assertEquals("multipart/form-data", attachForm.selectFirst("form[action=/papers/" + id + "/pdf]").attr("enctype"));
        // A stranger may only propose a PDF (PdfProposalTest), and a proposal without a reason is refused.
        Visitor stranger = Visitor.register("stranger");
        Response refused = PdfTestSupport.upload(stranger, "/papers/" + id + "/pdf", "two-column.pdf",
                PdfTestSupport.bytes("two-column.pdf"), "application/pdf");
        assertTrue(refused.statusCode() == 400, "a stranger's attach answered " + refused.statusCode());

        Response attached = PdfTestSupport.upload(author, "/papers/" + id + "/pdf", "two-column.pdf",
                PdfTestSupport.bytes("two-column.pdf"), "application/pdf");
        assertEquals(303, attached.statusCode(), attached.asString());
        attached.getCookies().forEach((name, value) -> author.cookies().put(name, value));
        String flash = Jsoup.parse(author.get(attached.header("Location").replaceAll("^https?://[^/]+", "")).asString())
                .select(".flash-bar").text();
        assertTrue(flash.contains("0 detached"), flash);

        author.json("GET", "/api/annotations/" + noteId, null).then().statusCode(200)
                .body("detached", equalTo(false)).body("textVersion", equalTo(2))
                .body("selectors[1].exact", equalTo(words));
        Document pages = Jsoup.parse(author.get("/papers/" + id + "/pages?group=0").asString());
        assertNotNull(pages.selectFirst("a.pdf-hl[href=#annotation-" + noteId + "]"), "the note is drawn on the page");
        author.get("/papers/" + id).then().body(containsString("Replace with a new PDF"));
        assertFalse(pages.select("figure.pdf-page").isEmpty());
    }
}
