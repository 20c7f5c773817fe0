package app.marginalia.web.pdf;

import app.marginalia.web.TestLibrary;
import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad uploads get a clear message and a 4xx on the form, and nothing enters the library. */
@QuarkusTest
class PdfUploadTest {

    private Visitor member;
    private long papersBefore;

    @BeforeEach
    void signIn() {
        member = Visitor.register("uploader");
        papersBefore = libraryCount();
    }

    @AfterEach
    void removeAddedPapers() {
        TestLibrary.removeAddedPapers();
    }

    private static long libraryCount() {
        return given().get("/api/papers").jsonPath().getList("$").size();
    }

    /** The upload is refused with this status, the form says why, and the library is unchanged. */
    private void assertRefused(Response response, int status, String words) {
        assertEquals(status, response.statusCode(), response.asString());
        String message = Jsoup.parse(response.asString()).select("[role=alert]").text();
        assertTrue(message.contains(words), message);
        assertEquals(papersBefore, libraryCount());
    }

    @Test
    void shouldOfferTheUploadFromTheAddPage() {
        assertTrue(Jsoup.parse(member.get("/papers/new").asString()).selectFirst("a[href=/papers/new/pdf]") != null);
        member.get("/papers/new/pdf").then().statusCode(200);
        var form = Jsoup.parse(member.get("/papers/new/pdf").asString()).selectFirst("form[action=/papers/new/pdf]");
        assertEquals("multipart/form-data", form.attr("enctype"));
        assertTrue(form.selectFirst("input[type=file][name=file]").hasAttr("required"));
        assertTrue(form.selectFirst("label[for=file]") != null);
    }

    @Test
    void shouldRefuseAFileThatIsNotAPdf() {
        assertRefused(PdfTestSupport.upload(member, "/papers/new/pdf", "notes.pdf",
                "Just some notes, not a PDF.".getBytes(StandardCharsets.UTF_8), "application/pdf"), 422, "not a PDF");
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        assertRefused(PdfTestSupport.upload(member, "/papers/new/pdf", "empty.pdf", new byte[0], "application/pdf"),
                422, "empty");
    }

    @Test
    void shouldRefuseAFormWithoutAFile() {
        Response response = member.request().header("Origin", Visitor.origin()).header("X-CSRF-Token", member.csrf())
                .multiPart("note", "no file here").post("/papers/new/pdf");
        assertRefused(response, 400, "Choose a PDF");
    }

    @Test
    void shouldTellTheMemberToRunOcrOnAScannedPdf() {
        assertRefused(PdfTestSupport.upload(member, "/papers/new/pdf", "scanned.pdf", PdfTestSupport.bytes("scanned.pdf"),
                "application/pdf"), 422, "OCR");
    }

    @Test
    void shouldRefuseAnEncryptedPdf() {
        Response response = PdfTestSupport.upload(member, "/papers/new/pdf", "encrypted.pdf", PdfTestSupport.bytes("encrypted.pdf"),
                "application/pdf");
        assertEquals(422, response.statusCode(), response.asString());
        assertEquals(papersBefore, libraryCount());
    }

    @Test
    void shouldRefuseATruncatedPdf() {
        byte[] whole = PdfTestSupport.bytes("two-column.pdf");
        Response response = PdfTestSupport.upload(member, "/papers/new/pdf", "truncated.pdf",
                Arrays.copyOf(whole, whole.length / 3), "application/pdf");
        assertEquals(422, response.statusCode(), response.asString());
        assertEquals(papersBefore, libraryCount());
    }

    @Test
    void shouldRefuseUploadsWithoutSignInOrCsrfToken() {
        byte[] pdf = PdfTestSupport.bytes("two-column.pdf");
        Visitor anonymous = Visitor.anonymous();
        int status = PdfTestSupport.upload(anonymous, "/papers/new/pdf", "a.pdf", pdf, "application/pdf").statusCode();
        assertTrue(status == 303 || status == 401, "anonymous upload answered " + status);
        member.request().header("Origin", Visitor.origin()).multiPart("file", "a.pdf", pdf, "application/pdf")
                .post("/papers/new/pdf").then().statusCode(403);
        assertEquals(papersBefore, libraryCount());
    }

    @Test
    void shouldKeepTheUploadUntilConfirmedAndOnlyForItsUploader() {
        Response upload = PdfTestSupport.upload(member, "/papers/new/pdf", "two-column.pdf", PdfTestSupport.bytes("two-column.pdf"),
                "application/pdf");
        assertEquals(200, upload.statusCode(), upload.asString());
        String token = Jsoup.parse(upload.asString()).selectFirst("input[name=token]").val();
        assertEquals(papersBefore, libraryCount(), "an upload alone adds nothing to the library");

        Visitor other = Visitor.register("other");
        other.post("/papers/new/pdf/confirm", "token", token, "title", "Stolen").then().statusCode(404);
        member.post("/papers/new/pdf/confirm", "token", "not-a-token", "title", "Bad").then().statusCode(404);
        Response noTitle = member.post("/papers/new/pdf/confirm", "token", token, "title", " ");
        assertEquals(400, noTitle.statusCode());
        assertTrue(Jsoup.parse(noTitle.asString()).select("[role=alert]").text().contains("title"));
        assertEquals(papersBefore, libraryCount());

        member.post("/papers/new/pdf/confirm", "token", token, "title", "A two-column test article",
                "confirmDuplicate", "true").then().statusCode(303);
        assertEquals(papersBefore + 1, libraryCount());
        member.post("/papers/new/pdf/confirm", "token", token, "title", "Again", "confirmDuplicate", "true")
                .then().statusCode(404);
        assertEquals(papersBefore + 1, libraryCount(), "a confirmed upload is used once");
    }

    @Test
    void shouldRefuseABadPdfAttachedToAPaperAndKeepItsText() {
        String location = member.post("/papers", "title", "A paper to attach to", "abstractText",
                "An abstract that stays the paper's text when a bad PDF is refused.").then().statusCode(303)
                .extract().header("Location");
        String id = location.replaceAll(".*/papers/(\\d+).*", "$1");
        Response scanned = PdfTestSupport.upload(member, "/papers/" + id + "/pdf", "scanned.pdf",
                PdfTestSupport.bytes("scanned.pdf"), "application/pdf");
        assertEquals(422, scanned.statusCode(), scanned.asString());
        assertTrue(Jsoup.parse(scanned.asString()).select("[role=alert]").text().contains("OCR"));
        Response empty = PdfTestSupport.upload(member, "/papers/" + id + "/pdf", "empty.pdf", new byte[0],
                "application/pdf");
        assertEquals(422, empty.statusCode());
        assertEquals(1, given().get("/api/papers/" + id).jsonPath().getInt("text.version"));
        member.get("/papers/" + id + "/pages").then().statusCode(404);
    }
}
