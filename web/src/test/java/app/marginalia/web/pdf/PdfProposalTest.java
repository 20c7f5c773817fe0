package app.marginalia.web.pdf;

import app.marginalia.core.pdf.Extraction;
import app.marginalia.core.pdf.PdfExtractor;
import app.marginalia.web.TestLibrary;
import app.marginalia.web.Visitor;
import app.marginalia.web.group.GroupFixture;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attaching a PDF when the member may only propose a change: the file waits in a proposal that
 * only administrators can open, and becomes the paper's text version when one accepts it.
 */
@QuarkusTest
class PdfProposalTest {

    private static final String REASON = "The publisher's PDF of this paper; the abstract is the same.";

    @AfterEach
    void removeAddedPapers() {
        TestLibrary.removeAddedPapers();
    }

    @Test
    void shouldTurnAMembersPdfForASeedPaperIntoAProposalThatOnlyAdministratorsCanOpen() {
        GroupFixture g = new GroupFixture();
        long seed = given().get("/api/papers").jsonPath().getLong("[0].id");
        JsonPath before = paper(seed);

        assertNotNull(Jsoup.parse(g.member.get("/papers/" + seed).asString())
                .selectFirst("a[href=/papers/" + seed + "/pdf/new]"), "the reader offers to propose the PDF");
        assertNotNull(Jsoup.parse(g.member.get("/papers/" + seed + "/edit").asString())
                .selectFirst("a[href=/papers/" + seed + "/pdf/new]"), "so does the proposal form");
        assertTrue(Jsoup.parse(given().get("/papers/" + seed).asString())
                .select("a[href=/papers/" + seed + "/pdf/new]").isEmpty(), "not offered to the signed-out");
        Document form = Jsoup.parse(g.member.get("/papers/" + seed + "/pdf/new").then().statusCode(200)
                .extract().asString());
        Element upload = form.selectFirst("form[action=/papers/" + seed + "/pdf]");
        assertEquals("multipart/form-data", upload.attr("enctype"));
        Element reason = upload.selectFirst("textarea[name=reason]");
        assertNotNull(reason, "the reason field");
        assertTrue(reason.hasAttr("required"));
        assertEquals("Why should the library use this PDF? required",
                form.selectFirst("label[for=reason]").text());
        assertTrue(form.text().contains("an administrator will review it"), form.text());

        // Without a reason: refused, nothing stored.
        Response noReason = propose(g.member, seed, "two-column.pdf", "");
        assertEquals(400, noReason.statusCode(), noReason.asString());
        assertTrue(proposalOf(g.admin, seed).isEmpty());

        Response proposed = propose(g.member, seed, "two-column.pdf", REASON);
        assertEquals(303, proposed.statusCode(), proposed.asString());
        assertEquals("Your PDF was sent to the administrators for review.", flash(g.member, proposed));
        JsonPath after = paper(seed);
        assertEquals(before.getString("text.content"), after.getString("text.content"));
        assertEquals(before.getInt("text.version"), after.getInt("text.version"));
        long proposal = proposalOf(g.admin, seed).orElseThrow();

        // A second PDF from the same member for the same paper waits for the first.
        assertEquals(400, propose(g.member, seed, "one-column.pdf", REASON).statusCode());

        // The pending file is the administrators' only: 404 for everyone else, and not the paper's file.
        for (Visitor who : List.of(g.member, g.outsider, g.owner)) {
            who.get("/admin/library/proposals/" + proposal + "/pdf").then().statusCode(404);
        }
        given().redirects().follow(false).get("/admin/library/proposals/" + proposal + "/pdf").then().statusCode(303);
        given().get("/papers/" + seed + "/pdf").then().statusCode(404);
        given().get("/papers/" + seed + "/pages").then().statusCode(404);
        Response file = g.admin.get("/admin/library/proposals/" + proposal + "/pdf");
        assertEquals(200, file.statusCode());
        assertEquals("application/pdf", file.contentType());
        assertArrayEquals(PdfTestSupport.bytes("two-column.pdf"), file.asByteArray());

        // Rejecting leaves the text as it was, and the file is gone even for administrators.
        g.admin.post("/admin/library/proposals/" + proposal + "/reject", "decision", "We keep the abstract.")
                .then().statusCode(303);
        assertEquals(before.getString("text.content"), paper(seed).getString("text.content"));
        assertEquals(before.getInt("text.version"), paper(seed).getInt("text.version"));
        g.admin.get("/admin/library/proposals/" + proposal + "/pdf").then().statusCode(404);
        Document history = Jsoup.parse(g.member.get("/papers/" + seed + "/history").asString());
        assertTrue(history.text().contains("Attach PDF: two-column.pdf"), history.text());
        assertTrue(history.text().contains("We keep the abstract."), history.text());
    }

    @Test
    void shouldApplyAnAcceptedPdfAsTheNextTextVersionAndKeepANoteOnTheAbstract() throws Exception {
        Reading r = new Reading();
        String text = paper(r.paperId).getString("text.content");
        int start = text.indexOf(' ', text.length() / 3) + 1;
        int end = text.indexOf(' ', start + 20);
        String words = text.substring(start, end);
        long noteId = r.note(start, end, text);

        Response proposed = propose(r.g.member, r.paperId, "two-column.pdf", REASON);
        assertEquals(303, proposed.statusCode(), proposed.asString());
        assertEquals(text, paper(r.paperId).getString("text.content"));
        long proposal = proposalOf(r.g.admin, r.paperId).orElseThrow();

        // The pending file's page images are not served either: it is not the paper's file yet.
        String sha = sha256(PdfTestSupport.bytes("two-column.pdf"));
        given().get("/papers/" + r.paperId + "/pages/" + sha + "/1-1200.png").then().statusCode(404);

        Extraction extraction = PdfExtractor.extract(PdfTestSupport.bytes("two-column.pdf"));
        Element item = Jsoup.parse(r.g.admin.get("/admin/library/proposals").asString())
                .getElementById("proposal-" + proposal);
        assertNotNull(item);
        assertTrue(item.text().contains("Attach PDF: two-column.pdf, " + extraction.pageCount() + " page"), item.text());
        assertTrue(item.text().contains(REASON), item.text());
        assertNotNull(item.selectFirst("a[href=/admin/library/proposals/" + proposal + "/pdf]"), "the download link");
        Element diff = item.selectFirst("pre.diff");
        assertNotNull(diff, "the line diff of the text");
        assertFalse(diff.select(".diff__line--ADDED").isEmpty(), "the PDF's new lines: " + diff.html());

        Response accepted = r.g.admin.post("/admin/library/proposals/" + proposal + "/accept");
        assertEquals(303, accepted.statusCode(), accepted.asString());

        JsonPath after = paper(r.paperId);
        assertEquals(extraction.document().text(), after.getString("text.content"));
        assertEquals(2, after.getInt("text.version"));
        Response pdf = given().get("/papers/" + r.paperId + "/pdf");
        assertEquals(200, pdf.statusCode());
        assertArrayEquals(PdfTestSupport.bytes("two-column.pdf"), pdf.asByteArray());
        r.g.member.json("GET", "/api/annotations/" + noteId, null).then().statusCode(200)
                .body("detached", equalTo(false)).body("textVersion", equalTo(2))
                .body("selectors[1].exact", equalTo(words));

        Document pages = Jsoup.parse(r.g.member.get("/papers/" + r.paperId + "/pages?group=" + r.g.id).asString());
        assertEquals(extraction.pageCount(), pages.select("figure.pdf-page").size());
        assertNotNull(pages.selectFirst("a.pdf-hl[href=#annotation-" + noteId + "]"), "the note is drawn on its page");
        String src = pages.selectFirst("figure.pdf-page img").attr("src");
        given().get(src).then().statusCode(200);

        Document history = Jsoup.parse(r.g.member.get("/papers/" + r.paperId + "/history").asString());
        Element revision = history.selectFirst("li[id^=revision-]");
        assertNotNull(revision);
        assertTrue(revision.text().contains("Proposal accepted") && revision.text().contains(REASON), revision.text());
    }

    @Test
    void shouldRefuseToAcceptAPdfProposalAfterThePaperChanged() {
        Reading r = new Reading();
        Response proposed = propose(r.g.member, r.paperId, "two-column.pdf", REASON);
        assertEquals(303, proposed.statusCode(), proposed.asString());
        long proposal = proposalOf(r.g.admin, r.paperId).orElseThrow();

        // An administrator attaches another PDF directly meanwhile.
        Response attached = PdfTestSupport.upload(r.g.admin, "/papers/" + r.paperId + "/pdf", "one-column.pdf",
                PdfTestSupport.bytes("one-column.pdf"), "application/pdf");
        assertEquals(303, attached.statusCode(), attached.asString());
        String text = paper(r.paperId).getString("text.content");

        r.g.admin.post("/admin/library/proposals/" + proposal + "/accept").then().statusCode(409);
        assertEquals(text, paper(r.paperId).getString("text.content"));
        assertEquals(2, paper(r.paperId).getInt("text.version"));
    }

    @Test
    void shouldRefuseABadPdfWithTheUploadsMessagesAndStoreNoProposal() {
        Reading r = new Reading();
        Response scanned = propose(r.g.member, r.paperId, "scanned.pdf", REASON);
        assertEquals(422, scanned.statusCode());
        assertTrue(Jsoup.parse(scanned.asString()).text().contains("no selectable text"), scanned.asString());
        Response notPdf = PdfTestSupport.upload(r.g.member, "/papers/" + r.paperId + "/pdf", "notes.pdf",
                "just some text".getBytes(), "application/pdf");
        // The upload helper sends no reason; a proposal is refused for the file first or the reason, never stored.
        assertTrue(notPdf.statusCode() == 422 || notPdf.statusCode() == 400, String.valueOf(notPdf.statusCode()));
        Response corrupt = r.g.member.request().header("Origin", Visitor.origin())
                .header("X-CSRF-Token", r.g.member.csrf())
                .multiPart("file", "notes.pdf", "just some text".getBytes(), "application/pdf")
                .multiPart("reason", REASON).post("/papers/" + r.paperId + "/pdf");
        assertEquals(422, corrupt.statusCode());
        assertTrue(proposalOf(r.g.admin, r.paperId).isEmpty());
        assertEquals(1, paper(r.paperId).getInt("text.version"));
    }

    // ---- Fixtures ----

    /** An abstract-only paper the administrator added and a group lists: its members may only propose. */
    private static final class Reading {
        final GroupFixture g = new GroupFixture();
        final long paperId;

        Reading() {
            Extraction extraction;
            try {
                extraction = PdfExtractor.extract(PdfTestSupport.bytes("two-column.pdf"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            String abstractText = extraction.document().abstractText().isEmpty()
                    ? extraction.document().blocks().stream().map(b -> b.text()).filter(t -> t.length() > 120)
                            .findFirst().orElseThrow()
                    : extraction.document().abstractText();
            String location = g.admin.post("/papers", "title", "An abstract-only paper " + System.nanoTime(),
                    "abstractText", abstractText, "confirmDuplicate", "true").then().statusCode(303)
                    .extract().header("Location");
            paperId = Long.parseLong(location.replaceAll(".*/papers/(\\d+).*", "$1"));
            g.owner.post("/groups/" + g.id + "/list", "paperId", String.valueOf(paperId)).then().statusCode(303);
        }

        long note(int start, int end, String text) {
            Map<String, Object> json = new HashMap<>();
            json.put("groupId", Long.valueOf(g.id));
            json.put("motivation", "COMMENTING");
            json.put("start", text.codePointCount(0, start));
            json.put("end", text.codePointCount(0, end));
            json.put("exact", text.substring(start, end));
            json.put("body", "On the abstract.");
            json.put("tags", List.of());
            return g.member.json("POST", "/api/papers/" + paperId + "/annotations", json).then().statusCode(201)
                    .extract().jsonPath().getLong("id");
        }
    }

    private static Response propose(Visitor who, long paperId, String name, String reason) {
        Document form = Jsoup.parse(who.get("/papers/" + paperId + "/pdf/new").asString());
        Element version = form.selectFirst("input[name=version]");
        var spec = who.request().header("Origin", Visitor.origin()).header("X-CSRF-Token", who.csrf())
                .multiPart("file", name, PdfTestSupport.bytes(name), "application/pdf")
                .multiPart("reason", reason);
        if (version != null) {
            spec.multiPart("version", version.val());
        }
        return spec.post("/papers/" + paperId + "/pdf");
    }

    private static JsonPath paper(long id) {
        return given().get("/api/papers/" + id).jsonPath();
    }

    /** The pending proposal for the paper on the administrators' review page, if any. */
    private static Optional<Long> proposalOf(Visitor admin, long paperId) {
        return Jsoup.parse(admin.get("/admin/library/proposals").asString()).select("li[id^=proposal-]").stream()
                .filter(e -> e.selectFirst("a[href=/papers/" + paperId + "]") != null)
                .map(e -> Long.parseLong(e.id().substring("proposal-".length()))).findFirst();
    }

    private static String flash(Visitor who, Response redirect) {
        redirect.getCookies().forEach((name, value) -> who.cookies().put(name, value));
        URI location = URI.create(redirect.header("Location"));
        return Jsoup.parse(who.get(location.getRawPath()).asString()).select(".flash-bar").text();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
