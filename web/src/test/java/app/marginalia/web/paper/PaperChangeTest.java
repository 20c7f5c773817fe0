package app.marginalia.web.paper;

import app.marginalia.core.annotation.Selectors;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes to the shared library: who may edit a paper others discuss, proposals and their review,
 * history and revert, and two edits of the same version at once. Every paper here is added by the
 * test (and removed after it), so the seed library other tests read never changes.
 */
@QuarkusTest
class PaperChangeTest {

    private static final String TEXT = "Owls hunt at night and see well in the dark. Larks sing before dawn over "
            + "open fields. Wrens are small but remarkably loud for their size.";

    @AfterEach
    void removeAddedPapers() {
        TestLibrary.removeAddedPapers();
    }

    // ---- The vandal from the issue ----

    @Test
    void shouldRefuseANewGroupOwnersEditOfAPaperAnotherGroupDiscussesAndKeepThatGroupsNotesInPlace() {
        Reading reading = new Reading();
        long[] notes = {reading.note(reading.g.member, "Larks sing before dawn", "When exactly?"),
                reading.note(reading.g.owner, "Wrens are small", "Size is not everything.")};
        Visitor vandal = Visitor.register("vandal");
        String group = vandal.post("/groups", "name", "Vandals " + System.nanoTime(), "description", "",
                "timeZone", "UTC").then().statusCode(303).extract().header("Location").replaceAll(".*/groups/(\\d+).*", "$1");
        vandal.post("/groups/" + group + "/list", "paperId", reading.paperId).then().statusCode(303);

        // The vandal runs a group reading the paper, but that is no right over another group's discussion.
        Document form = html(vandal.get("/papers/" + reading.paperId + "/edit").then().statusCode(200).extract().response());
        assertEquals("Propose a change", form.selectFirst("h1").text());
        assertEquals("/papers/" + reading.paperId + "/proposals", form.selectFirst("form.form").attr("action"));
        String[] vandalism = reading.fields("title", "VANDALISED TITLE", "link", "https://elsewhere.example/",
                "fullText", "Nothing of the original remains.", "reason", "Improvements.");
        // 403, not 404: the paper is public, so saying it is not there would be false.
        Response refused = vandal.post("/papers/" + reading.paperId + "/edit", vandalism);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.asString().contains("Propose a change"), refused.asString());

        JsonPath paper = reading.paper();
        assertEquals(reading.title, paper.getString("paper.title"));
        assertEquals(1, paper.getInt("text.version"));
        assertEquals(TEXT, paper.getString("text.content"));
        for (long note : notes) {
            JsonPath json = reading.g.member.json("GET", "/api/annotations/" + note, null).jsonPath();
            assertFalse(json.getBoolean("detached"));
            assertEquals(1, json.getInt("textVersion"));
        }

        // What the vandal may do is propose; the paper stays as it is until an administrator decides.
        vandal.post("/papers/" + reading.paperId + "/proposals", vandalism)
                .then().statusCode(303).header("Location", endsWith("/papers/" + reading.paperId + "/history"));
        assertEquals(reading.title, reading.paper().getString("paper.title"));
        assertEquals("Waiting for an administrator", proposalStatus(vandal, reading.paperId));
        assertTrue(html(reading.g.member.get("/papers/" + reading.paperId + "/history")).select("[data-proposal-status]")
                .isEmpty(), "someone else's proposal is the proposer's and the administrators' business");

        long proposal = reading.pendingProposal();
        reading.g.admin.post("/admin/library/proposals/" + proposal + "/reject", "decision", "")
                .then().statusCode(400);
        reading.g.admin.post("/admin/library/proposals/" + proposal + "/reject", "decision", "This is vandalism.")
                .then().statusCode(303);
        assertEquals("Rejected", proposalStatus(vandal, reading.paperId));
        assertTrue(vandal.get("/papers/" + reading.paperId + "/history").asString().contains("This is vandalism."));
        reading.g.admin.post("/admin/library/proposals/" + proposal + "/accept").then().statusCode(409);
        assertEquals(reading.title, reading.paper().getString("paper.title"));
    }

    // ---- The adder ----

    @Test
    void shouldLetTheAdderEditTheirPaperUntilAGroupTheyDoNotRunReadsIt() {
        Visitor adder = Visitor.register("adder");
        String paperId = add(adder, null);
        Document form = html(adder.get("/papers/" + paperId + "/edit"));
        assertEquals("Edit paper", form.selectFirst("h1").text());
        adder.post("/papers/" + paperId + "/edit", fields(adder, paperId, "title", "Birds at dawn, corrected",
                "reason", "Typo in the title.")).then().statusCode(303);
        assertEquals("Birds at dawn, corrected", paper(adder, paperId).getString("paper.title"));
        Element change = html(adder.get("/papers/" + paperId + "/history")).selectFirst("li[id^=revision-]");
        assertNotNull(change);
        assertTrue(change.text().contains("Edited") && change.text().contains("Typo in the title."), change.text());
        assertEquals("Birds at dawn, corrected", change.selectFirst("tbody tr td:nth-of-type(2)").text());

        // Another group puts it on its list and writes a note: now the adder proposes like everyone else.
        GroupFixture others = new GroupFixture();
        others.owner.post("/groups/" + others.id + "/list", "paperId", paperId).then().statusCode(303);
        adder.post("/papers/" + paperId + "/edit", fields(adder, paperId, "title", "Birds at dusk"))
                .then().statusCode(403);
        assertEquals("Propose a change", html(adder.get("/papers/" + paperId + "/edit")).selectFirst("h1").text());
        assertEquals("Birds at dawn, corrected", paper(adder, paperId).getString("paper.title"));
    }

    @Test
    void shouldLetAnOwnerWhoAddedThePaperToTheirOwnGroupEditIt() {
        GroupFixture g = new GroupFixture();
        String paperId = add(g.owner, g.id);
        new Reading(g, paperId).note(g.member, "Owls hunt at night", "Not all of them.");
        // The owner answers for the only discussion of the paper; the plain member who wrote the note does not.
        g.owner.post("/papers/" + paperId + "/edit", fields(g.owner, paperId, "link", "https://example.org/birds"))
                .then().statusCode(303);
        g.member.post("/papers/" + paperId + "/edit", fields(g.member, paperId, "link", "https://example.org/x"))
                .then().statusCode(403);
        assertEquals("https://example.org/birds", paper(g.owner, paperId).getString("paper.link"));
    }

    // ---- Proposals, review, revert ----

    @Test
    void shouldApplyAnAcceptedProposalWithItsNotesMovedThenRevertItWithTheNotesMovedBack() {
        Reading reading = new Reading();
        int larks = TEXT.indexOf("Larks sing");
        long note = reading.note(reading.g.member, "Larks sing before dawn", "When exactly?");
        // The abstract becomes part of the body (a full text with no abstract of its own), so the note moves.
        String fullText = "Introduction\n\nA preface about birds.\n\n" + TEXT;
        Visitor proposer = reading.g.moderator;
        proposer.post("/papers/" + reading.paperId + "/proposals", reading.fields("fullText", fullText, "title",
                "Birds, with a preface", "abstractText", "")).then().statusCode(400);
        proposer.post("/papers/" + reading.paperId + "/proposals", reading.fields("fullText", fullText, "title",
                "Birds, with a preface", "abstractText", "", "reason", "The full text is out.")).then().statusCode(303);
        proposer.post("/papers/" + reading.paperId + "/proposals", reading.fields("title", "Again", "reason", "More."))
                .then().statusCode(400);
        long proposal = reading.pendingProposal();

        // Review is administration: invisible to everyone else.
        proposer.get("/admin/library/proposals").then().statusCode(404);
        reading.g.owner.post("/admin/library/proposals/" + proposal + "/accept").then().statusCode(404);
        Element item = html(reading.g.admin.get("/admin/library/proposals")).getElementById("proposal-" + proposal);
        assertNotNull(item);
        assertEquals(List.of("Title", reading.title, "Birds, with a preface"),
                item.select("tbody tr").first().children().eachText());
        assertTrue(item.select(".diff__line--ADDED").eachText().contains("+ A preface about birds."),
                item.select(".diff").text());
        assertTrue(html(reading.g.admin.get("/admin")).select("a[href=/admin/library/proposals]").size() == 1);

        reading.g.admin.post("/admin/library/proposals/" + proposal + "/accept").then().statusCode(303);
        JsonPath accepted = reading.paper();
        assertEquals("Birds, with a preface", accepted.getString("paper.title"));
        assertEquals(2, accepted.getInt("text.version"));
        JsonPath moved = reading.g.member.json("GET", "/api/annotations/" + note, null).jsonPath();
        assertFalse(moved.getBoolean("detached"));
        assertEquals(fullText.indexOf("Larks sing"), moved.getInt("selectors[0].start"));
        assertEquals("Accepted", proposalStatus(proposer, reading.paperId));
        reading.g.admin.post("/admin/library/proposals/" + proposal + "/accept").then().statusCode(409);

        Document history = html(reading.g.admin.get("/papers/" + reading.paperId + "/history"));
        Element revision = history.selectFirst("li[id^=revision-]");
        assertTrue(revision.text().contains("Proposal accepted") && revision.text().contains("proposed by "),
                revision.text());
        String revert = revision.selectFirst("form").attr("action");

        // Reverting is an administrator's; the text comes back as a new version and the note with it.
        reading.g.owner.post(revert).then().statusCode(404);
        reading.g.admin.post(revert).then().statusCode(303);
        JsonPath reverted = reading.paper();
        assertEquals(reading.title, reverted.getString("paper.title"));
        assertEquals(TEXT, reverted.getString("text.content"));
        assertEquals(3, reverted.getInt("text.version"));
        JsonPath back = reading.g.member.json("GET", "/api/annotations/" + note, null).jsonPath();
        assertEquals(larks, back.getInt("selectors[0].start"));
        assertFalse(back.getBoolean("detached"));
        Element latest = html(reading.g.member.get("/papers/" + reading.paperId + "/history"))
                .selectFirst("li[id^=revision-]");
        assertTrue(latest.text().contains("Reverted change #"), latest.text());
        assertTrue(latest.select("form").isEmpty(), "only administrators see the revert button");
    }

    @Test
    void shouldRefuseToAcceptAProposalMadeBeforeTheLatestChange() {
        Reading reading = new Reading();
        reading.g.member.post("/papers/" + reading.paperId + "/proposals", reading.fields("title", "Birds (member)",
                "reason", "Shorter.")).then().statusCode(303);
        long proposal = reading.pendingProposal();
        reading.g.admin.post("/papers/" + reading.paperId + "/edit", reading.fields("link", "https://example.org/b"))
                .then().statusCode(303);

        Element item = html(reading.g.admin.get("/admin/library/proposals")).getElementById("proposal-" + proposal);
        assertTrue(item.text().contains("The paper changed after this proposal was made"), item.text());
        assertTrue(item.selectFirst("form[action$=/accept] button").hasAttr("disabled"));
        Response refused = reading.g.admin.post("/admin/library/proposals/" + proposal + "/accept");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.asString().contains("The paper changed after this proposal was made"));
        assertEquals(reading.title, reading.paper().getString("paper.title"));
        assertEquals("Waiting for an administrator", proposalStatus(reading.g.member, reading.paperId));
    }

    @Test
    void shouldKeepTheTypedTextWhenAProposalIsIncomplete() {
        Reading reading = new Reading();
        Response response = reading.g.member.post("/papers/" + reading.paperId + "/proposals",
                reading.fields("title", "A title I typed"));
        assertEquals(400, response.statusCode());
        Document page = html(response);
        assertEquals("A title I typed", page.getElementById("title").val());
        assertTrue(page.selectFirst("#reason-error").text().contains("Say in a sentence"));
        reading.g.member.post("/papers/" + reading.paperId + "/proposals", reading.fields("reason", "Nothing."))
                .then().statusCode(400);
    }

    // ---- Two edits of the same version ----

    @Test
    void shouldSaveOneOfTwoSimultaneousEditsOfTheSameVersionAndAnswerTheOther409WithItsTextKept() throws Exception {
        Visitor adder = Visitor.register("racer");
        String paperId = add(adder, null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 4; round++) {
                String[][] edits = new String[2][];
                String[] typed = new String[2];
                for (int i = 0; i < 2; i++) {
                    typed[i] = "Tab " + i + " wrote this in round " + round + ".\n\n" + TEXT;
                    edits[i] = fields(adder, paperId, "title", "Round " + round + " by tab " + i, "fullText", typed[i]);
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Visitor tab = adder.copy();
                    String[] edit = edits[i];
                    results.add(pool.submit(() -> {
                        start.await();
                        return tab.post("/papers/" + paperId + "/edit", edit);
                    }));
                }
                start.countDown();
                Response first = results.get(0).get();
                Response second = results.get(1).get();
                List<Integer> statuses = new ArrayList<>(List.of(first.statusCode(), second.statusCode()));
                statuses.sort(null);
                assertEquals(List.of(303, 409), statuses, "round " + round);
                int winner = first.statusCode() == 303 ? 0 : 1;
                Document conflict = html(winner == 0 ? second : first);
                assertEquals(typed[1 - winner], conflict.getElementById("fullText").val(), "the typed text is kept");
                assertTrue(conflict.selectFirst("[role=alert]").text().contains("Someone changed this paper"));
                JsonPath saved = paper(adder, paperId);
                assertEquals("Round " + round + " by tab " + winner, saved.getString("paper.title"), "no partial write");
                assertEquals(round + 1, saved.getInt("text.version"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4, html(adder.get("/papers/" + paperId + "/history")).select("li[id^=revision-]").size());
    }

    // ---- Helpers ----

    /** A group reading a paper its owner added through the group, with the fixture's people. */
    private static final class Reading {
        final GroupFixture g;
        final String paperId;
        final String title;

        Reading() {
            this(new GroupFixture(), null);
        }

        Reading(GroupFixture g, String paperId) {
            this.g = g;
            // Added by the administrator, so the group's owner is not the adder: only administrators edit it.
            this.paperId = paperId != null ? paperId : add(g.admin, null);
            if (paperId == null) {
                g.owner.post("/groups/" + g.id + "/list", "paperId", this.paperId).then().statusCode(303);
            }
            this.title = paper().getString("paper.title");
        }

        JsonPath paper() {
            return PaperChangeTest.paper(g.owner, paperId);
        }

        String[] fields(String... overrides) {
            return PaperChangeTest.fields(g.owner, paperId, overrides);
        }

        long note(Visitor who, String passage, String body) {
            String text = paper().getString("text.content");
            int start = text.indexOf(passage);
            TextQuoteSelector quote = Selectors.quoteAt(text, new TextPositionSelector(start, start + passage.length()));
            Map<String, Object> json = new HashMap<>();
            json.put("groupId", Long.valueOf(g.id));
            json.put("motivation", "COMMENTING");
            json.put("start", start);
            json.put("end", start + passage.length());
            json.put("exact", quote.exact());
            json.put("prefix", quote.prefix());
            json.put("suffix", quote.suffix());
            json.put("body", body);
            return who.json("POST", "/api/papers/" + paperId + "/annotations", json).then().statusCode(201)
                    .extract().jsonPath().getLong("id");
        }

        long pendingProposal() {
            Element item = html(g.admin.get("/admin/library/proposals")).select("li[id^=proposal-]").stream()
                    .filter(e -> e.selectFirst("a[href=/papers/" + paperId + "]") != null).findFirst().orElseThrow();
            return Long.parseLong(item.id().substring("proposal-".length()));
        }
    }

    private static String add(Visitor who, String groupId) {
        List<String> form = new ArrayList<>(List.of("title", "Birds at dawn " + System.nanoTime(), "abstractText", TEXT,
                "confirmDuplicate", "true"));
        if (groupId != null) {
            form.addAll(List.of("groupId", groupId));
        }
        return who.post("/papers", form.toArray(String[]::new)).then().statusCode(303).extract().header("Location")
                .replaceAll(".*/papers/(\\d+).*", "$1");
    }

    private static JsonPath paper(Visitor who, String paperId) {
        return who.get("/api/papers/" + paperId).jsonPath();
    }

    /** The edit form's fields as the server fills them in, with some changed. */
    private static String[] fields(Visitor who, String paperId, String... overrides) {
        Document form = html(who.get("/papers/" + paperId + "/edit"));
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (Element input : form.select("form.form input[name], form.form textarea[name]")) {
            if (!input.attr("name").equals("_csrf")) {
                fields.put(input.attr("name"), input.val());
            }
        }
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        List<String> flat = new ArrayList<>();
        fields.forEach((k, v) -> flat.addAll(List.of(k, v)));
        return flat.toArray(String[]::new);
    }

    private static String proposalStatus(Visitor who, String paperId) {
        return html(who.get("/papers/" + paperId + "/history")).selectFirst("[data-proposal-status]").text();
    }

    private static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }
}
