package app.marginalia.web.paper;

import app.marginalia.web.Visitor;
import app.marginalia.web.annotation.Discussion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader answers 304 while nothing changed for this viewer and is never stale or someone
 * else's: every kind of change, by anyone, moves its ETag, and a viewer's ETag means nothing for
 * another viewer.
 */
@QuarkusTest
class ReaderPageCacheTest {

    private static Response reader(Visitor who, Discussion d, String etag) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Accept", "text/html"));
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        return who.get("/papers/" + d.paperId + "?group=" + d.g.id, headers);
    }

    /** A new discussion, each member's pending welcome message already shown (a page with one is not kept). */
    private static Discussion discussion() {
        Discussion d = new Discussion();
        for (Visitor v : new Visitor[]{d.g.owner, d.g.moderator, d.g.member}) {
            d.page(v);
        }
        return d;
    }

    private static String etagOf(Visitor who, Discussion d) {
        Response page = reader(who, d, null);
        assertEquals(200, page.statusCode());
        String etag = page.header("ETag");
        assertNotNull(etag, "the reader has an ETag");
        return etag;
    }

    /** After {@code change}, the old ETag no longer matches and the page shows what changed. */
    private static void assertChangeSeen(Visitor viewer, Discussion d, Runnable change, String expected) {
        String before = etagOf(viewer, d);
        assertEquals(304, reader(viewer, d, before).statusCode(), "nothing changed yet");
        change.run();
        Response after = reader(viewer, d, before);
        assertEquals(200, after.statusCode(), "a change by anyone is a new page");
        assertNotEquals(before, after.header("ETag"));
        assertTrue(Visitor.html(after).select("#thread-list, .group-panel, .discussion-status").text().contains(expected)
                || after.asString().contains(expected), "the new page shows: " + expected);
        assertEquals(304, reader(viewer, d, after.header("ETag")).statusCode(), "and is current again");
    }

    @Test
    void shouldAnswer304WhileNothingChangedAndPrivatelyCacheable() {
        Discussion d = discussion();
        d.create(d.g.owner, d.passage(0, 10, "COMMENTING", "A note before anyone looks"));
        Response first = reader(d.g.member, d, null);
        assertEquals("private, no-cache", first.header("Cache-Control"));
        assertTrue(first.header("Vary").contains("Cookie"));
        Response again = reader(d.g.member, d, first.header("ETag"));
        assertEquals(304, again.statusCode());
        assertEquals("", again.asString());
        assertEquals(first.header("ETag"), again.header("ETag"));
        // Asked again without the ETag: the same page, byte for byte.
        assertEquals(first.asString(), reader(d.g.member, d, null).asString());
    }

    @Test
    void shouldNeverServeAStaleThread() {
        Discussion d = discussion();
        long note = d.create(d.g.owner, d.passage(0, 10, "QUESTIONING", "Is the first claim tested?"));
        Visitor viewer = d.g.member;
        assertChangeSeen(viewer, d, () -> d.create(d.g.moderator, d.passage(20, 30, "COMMENTING", "A new note by another")),
                "A new note by another");
        assertChangeSeen(viewer, d, () -> d.reply(d.g.owner, note, "A reply by the author"), "A reply by the author");
        assertChangeSeen(viewer, d, () -> d.g.owner.json("PUT", "/api/annotations/" + note,
                Map.of("body", "Is the first claim tested at all?", "version", 0)).then().statusCode(200),
                "tested at all?");
        assertChangeSeen(viewer, d, () -> d.g.moderator.post("/annotations/" + note + "/resolve", "resolved", "true")
                .then().statusCode(303), "Resolved");
        assertChangeSeen(viewer, d, () -> d.g.owner.json("POST", "/api/annotations/" + note + "/reactions",
                Map.of("kind", "AGREE", "given", true)).then().statusCode(200), "reaction-count");
        // The viewer's own "seen" marker changes their page too (no more "new since your last visit").
        String etag = etagOf(viewer, d);
        assertTrue(reader(viewer, d, null).asString().contains("new since your last visit"));
        d.view(viewer);
        Response after = reader(viewer, d, etag);
        assertEquals(200, after.statusCode());
        assertFalse(after.asString().contains("new since your last visit"));
    }

    @Test
    void shouldNeverServeAnotherViewersPage() {
        Discussion d = discussion();
        var privateNote = d.passage(0, 10, "COMMENTING", "Only for me: check the appendix");
        privateNote.put("groupId", null);
        d.create(d.g.member, privateNote);
        String membersEtag = etagOf(d.g.member, d);
        assertTrue(reader(d.g.member, d, null).asString().contains("Only for me: check the appendix"));
        // The ETag names one page: the same viewer's private notes only, asked with it, is another page.
        Response privateOnly = d.g.member.get("/papers/" + d.paperId + "?group=0", Map.of("If-None-Match", membersEtag));
        assertEquals(200, privateOnly.statusCode());
        // Another member presenting the first one's ETag gets their own page, not a 304.
        Response other = reader(d.g.moderator, d, membersEtag);
        assertEquals(200, other.statusCode());
        assertFalse(other.asString().contains("Only for me: check the appendix"));
        assertNotEquals(membersEtag, other.header("ETag"));
        // The same account in another browser (another CSRF token in its forms) gets its own page too.
        Visitor elsewhere = Visitor.signIn(d.g.member.username, Visitor.PASSWORD);
        Response second = reader(elsewhere, d, membersEtag);
        assertEquals(200, second.statusCode());
        Document page = Visitor.html(second);
        assertEquals(elsewhere.csrf(), page.selectFirst("meta[name=csrf-token]").attr("content"));
        // Signed out, the old ETag is worth nothing: the outsider's view, without the group's notes.
        Visitor signedOut = d.g.member.copy();
        signedOut.post("/logout").then().statusCode(303);
        Response anonymous = reader(signedOut, d, membersEtag);
        assertEquals(200, anonymous.statusCode());
        assertFalse(anonymous.asString().contains("Only for me: check the appendix"));
    }

    @Test
    void shouldSendThePageCompressedWhenTheBrowserAcceptsIt() throws IOException {
        Discussion d = discussion();
        d.create(d.g.owner, d.passage(0, 10, "COMMENTING", "Compressed on the wire"));
        d.page(d.g.member); // shows (and so clears) the welcome message left by signing up
        Response gzip = d.g.member.request()
                .config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").get("/papers/" + d.paperId + "?group=" + d.g.id);
        assertEquals("gzip", gzip.header("Content-Encoding"));
        byte[] wire = gzip.asByteArray();
        String html;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(wire))) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(html.contains("Compressed on the wire"));
        assertTrue(wire.length * 3 < html.length(), "compressed: " + wire.length + " of " + html.length());
        Response identity = d.g.member.request()
                .config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity").get("/papers/" + d.paperId + "?group=" + d.g.id);
        assertEquals(null, identity.header("Content-Encoding"));
        assertEquals(html, identity.asString());
    }

    @Test
    void shouldShowAFlashMessageOnceAndNotKeepIt() {
        Discussion d = discussion();
        long note = d.create(d.g.member, d.passage(0, 10, "COMMENTING", "A note to resolve"));
        String etag = etagOf(d.g.member, d);
        d.g.member.post("/annotations/" + note + "/resolve", "resolved", "true").then().statusCode(303);
        Response withFlash = reader(d.g.member, d, etag);
        assertEquals(200, withFlash.statusCode());
        assertTrue(withFlash.asString().contains("Thread resolved."));
        assertEquals(null, withFlash.header("ETag"), "a page with a message shown once is not kept");
        assertFalse(reader(d.g.member, d, null).asString().contains("Thread resolved."));
    }
}
