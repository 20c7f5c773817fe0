package app.marginalia.web.tracking;

import app.marginalia.web.annotation.Discussion;
import app.marginalia.web.group.GroupFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A meeting cycle: the agenda of a scheduled paper, the conclusion recorded afterwards and
 * pinned on the paper, the minutes and the digest as Markdown; no private note anywhere.
 */
@QuarkusTest
class MeetingTest {

    private static String agenda(Discussion d) {
        return d.g.member.get("/groups/" + d.g.id + "/papers/" + d.paperId + "/agenda").then().statusCode(200)
                .extract().asString();
    }

    private static void react(Discussion d, long note, int people) {
        var who = new app.marginalia.web.Visitor[]{d.g.owner, d.g.moderator, d.g.member};
        for (int i = 0; i < people; i++) {
            who[i].json("POST", "/api/annotations/" + note + "/reactions", Map.of("kind", "AGREE")).then().statusCode(200);
        }
    }

    @Test
    void shouldOrderTheAgendaByReactionsThenAgeAndListUndiscussedHighlights() {
        Discussion d = new Discussion();
        long older = d.create(d.g.member, d.passage(0, 10, "QUESTIONING", "Oldest question, no reactions"));
        long popular = d.create(d.g.member, d.passage(20, 30, "QUESTIONING", "Popular question"));
        long middle = d.create(d.g.owner, d.passage(40, 50, "QUESTIONING", "Question with one reaction"));
        long answered = d.create(d.g.owner, d.passage(60, 70, "QUESTIONING", "Answered question"));
        long reply = d.reply(d.g.member, answered, "Here is the answer");
        d.g.owner.json("POST", "/api/annotations/" + answered + "/answer", Map.of("replyId", reply)).then().statusCode(200);
        react(d, popular, 3);
        react(d, middle, 1);
        long comment = d.create(d.g.moderator, d.passage(80, 90, "COMMENTING", "An unresolved remark"));
        long done = d.create(d.g.moderator, d.passage(100, 110, "COMMENTING", "A resolved remark"));
        d.g.moderator.json("POST", "/api/annotations/" + done + "/resolve", Map.of("resolved", true)).then().statusCode(200);
        // Two people highlight the same passage, nobody writes about it; one person alone elsewhere.
        d.create(d.g.member, d.passage(200, 230, "HIGHLIGHTING", ""));
        d.create(d.g.owner, d.passage(210, 240, "HIGHLIGHTING", ""));
        d.create(d.g.owner, d.passage(300, 310, "HIGHLIGHTING", ""));
        // A highlighted passage with a note on it is discussed already.
        d.create(d.g.member, d.passage(80, 88, "HIGHLIGHTING", ""));
        // A private question is nobody's agenda.
        Map<String, Object> priv = d.passage(120, 130, "QUESTIONING", "Private question");
        priv.remove("groupId");
        d.create(d.g.member, priv);

        String page = agenda(d);
        int iPopular = page.indexOf("Popular question"), iMiddle = page.indexOf("Question with one reaction"),
                iOlder = page.indexOf("Oldest question, no reactions");
        assertTrue(iPopular > 0 && iPopular < iMiddle && iMiddle < iOlder, "by reactions, then age");
        assertFalse(page.contains("Answered question"), "answered questions are settled");
        assertFalse(page.contains("Private question"));
        assertTrue(page.contains("An unresolved remark"));
        assertFalse(page.contains("A resolved remark"));
        assertTrue(page.contains("3. Much-highlighted, not yet discussed <span class=\"count\">1</span>"), page);
        assertTrue(page.contains(escape(d.text.substring(200, 240))), "the merged passage is quoted");
        assertTrue(page.contains("Highlighted by 2 people"));
        assertTrue(page.contains("data-print"), "a print button");
        assertTrue(older > 0 && comment > 0);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    void shouldRecordTheConclusionPinItAndPutItInTheMinutes() {
        Discussion d = new Discussion();
        String entry = GroupFixture.entryOf(d.g.owner, d.g.id, d.paperId);
        d.g.owner.post("/groups/" + d.g.id + "/list/" + entry + "/meeting", "meetingAt", "2031-03-06T17:00")
                .then().statusCode(303);
        d.g.owner.post("/groups/" + d.g.id + "/list/" + entry + "/status", "status", "READING").then().statusCode(303);
        long question = d.create(d.g.member, d.passage(0, 15, "QUESTIONING", "Does it **scale**?"));
        long reply = d.reply(d.g.owner, question, "Up to 10B parameters.");
        d.g.member.json("POST", "/api/annotations/" + question + "/answer", Map.of("replyId", reply)).then().statusCode(200);
        d.create(d.g.owner, d.passage(30, 40, "QUESTIONING", "Still open: what about data?"));
        Map<String, Object> priv = d.passage(50, 60, "COMMENTING", "my private aside");
        priv.remove("groupId");
        d.create(d.g.member, priv);

        String base = "/groups/" + d.g.id + "/papers/" + d.paperId;
        // Members cannot record it; an empty or oversized one is refused with a message.
        d.g.member.post(base + "/conclusion", "conclusion", "Done").then().statusCode(403);
        String empty = d.g.moderator.postAndFollow(base + "/conclusion", "conclusion", "  ").asString();
        assertTrue(empty.contains("Write what the group concluded."), empty);
        String huge = d.g.moderator.postAndFollow(base + "/conclusion", "conclusion", "x".repeat(10_001)).asString();
        assertTrue(huge.contains("at most 10000 characters"));
        assertTrue(d.g.member.get("/api/groups/" + d.g.id + "/papers").jsonPath()
                .getString("find { it.paperId == " + d.paperId + " }.status").equals("READING"), "nothing half-written");

        d.g.moderator.post(base + "/conclusion", "conclusion", "Worth it. <script>alert(1)</script> **Read §3.**")
                .then().statusCode(303);
        assertEquals("DISCUSSED", d.g.member.get("/api/groups/" + d.g.id + "/papers").jsonPath()
                .getString("find { it.paperId == " + d.paperId + " }.status"));
        String reader = d.page(d.g.member);
        assertTrue(reader.contains("The group's conclusion"));
        assertTrue(reader.contains("<strong>Read §3.</strong>"), "Markdown rendered");
        assertFalse(reader.contains("<script>alert(1)"), "and sanitised");
        assertTrue(d.g.owner.get("/groups/" + d.g.id + "/activity").asString().contains("recorded the conclusion"));

        Response minutes = d.g.member.get(base + "/minutes");
        assertEquals(200, minutes.statusCode());
        assertTrue(minutes.contentType().startsWith("text/markdown"));
        assertTrue(minutes.header("Content-Disposition").startsWith("attachment; filename=\"minutes-"));
        String md = minutes.asString();
        assertTrue(md.contains("## Conclusion\n\nWorth it. \\<script>alert(1)\\</script> **Read §3.**"),
                "the moderator's Markdown, its raw HTML escaped: " + md);
        assertTrue(md.contains("- Status: Discussed"));
        assertTrue(md.contains("- Meeting: Thu 6 Mar 2031, 17:00 (Europe/Berlin)"), md);
        assertTrue(md.contains("## Open questions\n\n1. Still open: what about data?"), md);
        assertTrue(md.contains("### 1. Question — answered\n\n> " + d.text.substring(0, 15).strip()), md);
        assertTrue(md.contains("Does it **scale**?"));
        assertTrue(md.contains("· **Answer**\n\nUp to 10B parameters."), md);
        assertFalse(md.contains("my private aside"));
        d.g.outsider.get(base + "/minutes").then().statusCode(404);
        d.g.outsider.get(base + "/agenda").then().statusCode(404);

        // A changed conclusion keeps the status and says so in the feed.
        d.g.owner.post(base + "/conclusion", "conclusion", "Revised.").then().statusCode(303);
        assertTrue(agenda(d).contains("<p>Revised.</p>"));
        assertTrue(d.g.owner.get("/groups/" + d.g.id + "/activity").asString().contains("updated the conclusion"));
    }

    @Test
    void shouldWriteADigestOfTheGroupsActivityOverARangeOfDays() {
        Discussion d = new Discussion();
        d.create(d.g.member, d.passage(0, 10, "QUESTIONING", "A question for the digest"));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        Response digest = d.g.member.get("/groups/" + d.g.id + "/digest?from=" + today.minusDays(2) + "&to=" + today);
        assertEquals(200, digest.statusCode());
        String md = digest.asString();
        assertTrue(md.contains(": activity from " + today.minusDays(2) + " to " + today), md);
        assertTrue(md.contains("asked a question on “"), md);
        assertTrue(md.contains(": “A question for the digest”"), md);
        assertTrue(md.contains("joined through an invitation link"));
        String older = d.g.member.get("/groups/" + d.g.id + "/digest?from=2020-01-01&to=2020-01-31").asString();
        assertTrue(older.contains("_Nothing happened in the group in these days._"));
        d.g.member.get("/groups/" + d.g.id + "/digest?from=2026-02-01&to=2026-01-01").then().statusCode(400);
        d.g.member.get("/groups/" + d.g.id + "/digest?from=2020-01-01&to=2026-01-01").then().statusCode(400);
        String bad = d.g.member.get("/groups/" + d.g.id + "/digest?from=yesterday").then().statusCode(400).extract().asString();
        assertTrue(bad.contains("YYYY-MM-DD"));
        d.g.member.get("/groups/" + d.g.id + "/digest?from=%2B999999999-12-30&to=%2B999999999-12-31").then().statusCode(400);
        d.g.outsider.get("/groups/" + d.g.id + "/digest").then().statusCode(404);
    }

    /** How the most trusting Markdown viewer shows a download: raw HTML passed through, no URL checks. */
    private static String inAnyViewer(String markdown) {
        return org.commonmark.renderer.html.HtmlRenderer.builder().build()
                .render(org.commonmark.parser.Parser.builder().build().parse(markdown));
    }

    @Test
    void shouldDownloadMinutesAndDigestsAsSanitisedMarkdown() {
        Discussion d = new Discussion();
        String payload = "<script>alert(1)</script>\n\nSee <img src=x onerror=alert(2)>, [x](javascript:alert(3)),"
                + " <javascript:alert(4)> and <https://example.org/ok> or [the text](https://example.org/t).";
        d.create(d.g.member, d.passage(0, 10, "COMMENTING", payload));
        // (The conclusion's raw HTML is covered above: shouldRecordTheConclusionPinItAndPutItInTheMinutes.)
        String base = "/groups/" + d.g.id + "/papers/" + d.paperId;
        String md = d.g.member.get(base + "/minutes").then().statusCode(200).extract().asString();
        String html = inAnyViewer(md);
        for (String unsafe : new String[]{"<script", "<img", "href=\"javascript:"}) {
            assertFalse(html.contains(unsafe), unsafe + " in the minutes as a viewer shows them:\n" + html);
        }
        assertTrue(md.contains("\\<script>alert(1)\\</script>"), "escaped, still readable: " + md);
        assertTrue(md.contains("See \\<img src=x onerror=alert(2)>, x, javascript:alert(4) and <https://example.org/ok> or"
                + " [the text](https://example.org/t)."), md);

        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        String digest = d.g.member.get("/groups/" + d.g.id + "/digest?from=" + today.minusDays(1) + "&to=" + today)
                .then().statusCode(200).extract().asString();
        String digestHtml = inAnyViewer(digest);
        assertTrue(digest.contains("alert(1)"), "the note's excerpt is in the digest: " + digest);
        for (String unsafe : new String[]{"<script", "<img", "<a "}) {
            assertFalse(digestHtml.contains(unsafe), unsafe + " in the digest as a viewer shows it:\n" + digestHtml);
        }
    }
}
