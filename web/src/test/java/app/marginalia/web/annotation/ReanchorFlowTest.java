package app.marginalia.web.annotation;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A seed paper's abstract is replaced by a longer text: notes follow their passages or are detached. */
@QuarkusTest
class ReanchorFlowTest {

    private static final String TITLE = "Scaling Laws for Autoregressive Generative Modeling";

    @Test
    void shouldKeepNotesOnTheirPassagesAndDetachTheOneWhosePassageWasRemoved() {
        Discussion d = new Discussion(TITLE);
        String abstractText = d.text;
        int firstEnd = abstractText.indexOf('.') + 1;
        long onFirstSentence = d.create(d.g.member, d.passage(0, firstEnd, "QUESTIONING", "Which domains?"));
        int middle = abstractText.indexOf("In all cases");
        Map<String, Object> middleNote = d.passage(middle, middle + 60, "COMMENTING", "Key result.");
        long onMiddle = d.create(d.g.owner, middleNote);
        int lastStart = abstractText.lastIndexOf(". ") + 2;
        long onLastSentence = d.create(d.g.member, d.passage(lastStart, abstractText.length(), "COMMENTING", "Doubtful."));
        d.reply(d.g.owner, onLastSentence, "This reply must survive the edit.");

        // The new text: an introduction before, the abstract without its last sentence, a conclusion after.
        String fullText = "Introduction\n\nWe revisit autoregressive scaling with new data.\n\n"
                + abstractText.substring(0, lastStart).strip() + "\n\nConclusion\n\nMore to come in the next version.";
        // A seed paper that groups discuss: only an administrator edits it directly; the group's own owner proposes.
        d.g.outsider.post("/papers/" + d.paperId + "/edit", d.editFields("abstractText", "", "fullText", fullText)).then().statusCode(403);
        d.g.owner.post("/papers/" + d.paperId + "/edit", d.editFields("abstractText", "", "fullText", fullText)).then().statusCode(403);
        d.g.admin.get("/papers/" + d.paperId + "/edit").then().statusCode(200).body(containsString(TITLE));
        String location = d.g.admin.post("/papers/" + d.paperId + "/edit", d.editFields("abstractText", "", "fullText", fullText))
                .then().statusCode(303).extract().header("Location");
        String reader = d.g.admin.get(location).asString();
        assertTrue(reader.contains("Saved as text version 2. Notes: 0 in place, 2 moved with their passage, 1 detached."),
                reader);

        int shift = fullText.indexOf(abstractText.substring(0, 30));
        JsonPath first = d.g.member.json("GET", "/api/annotations/" + onFirstSentence, null).jsonPath();
        assertEquals(shift, first.getInt("selectors[0].start"));
        assertEquals(abstractText.substring(0, firstEnd), first.getString("selectors[1].exact"));
        assertEquals(2, first.getInt("textVersion"));
        JsonPath moved = d.g.member.json("GET", "/api/annotations/" + onMiddle, null).jsonPath();
        assertEquals(shift + middle, moved.getInt("selectors[0].start"));
        d.g.member.json("GET", "/api/annotations/" + onLastSentence, null).then()
                .body("detached", equalTo(true)).body("textVersion", equalTo(1));

        String page = d.page(d.g.member);
        assertTrue(page.contains("Detached notes") && page.contains("This reply must survive the edit."), page);
        assertTrue(page.contains("data-reattach=\"" + onLastSentence + "\""));
        assertTrue(!page.contains("data-annotations=\"" + onLastSentence + "\""), "a detached note has no highlight");

        // A member re-attaches it to the conclusion they select.
        String newText = d.g.member.get("/api/papers/" + d.paperId).jsonPath().getString("text.content");
        int conclusion = newText.indexOf("More to come");
        d.g.outsider.json("POST", "/api/annotations/" + onLastSentence + "/anchor",
                Map.of("start", conclusion, "end", conclusion + 12)).then().statusCode(404);
        d.g.member.json("POST", "/api/annotations/" + onLastSentence + "/anchor",
                Map.of("start", conclusion, "end", conclusion + 12, "exact", "wrong text")).then().statusCode(422);
        d.g.member.json("POST", "/api/annotations/" + onLastSentence + "/anchor",
                Map.of("start", conclusion, "end", conclusion + 12)).then().statusCode(200)
                .body("detached", equalTo(false)).body("selectors[1].exact", equalTo("More to come"))
                .body("textVersion", equalTo(2));
        d.g.member.json("POST", "/api/annotations/" + onFirstSentence + "/anchor",
                Map.of("start", 0, "end", 5)).then().statusCode(422).body("message", containsString("detached"));
    }

    @Test
    void shouldSaveMetadataWithoutANewTextVersionAndRefuseBadInput() {
        Discussion d = new Discussion(TITLE);
        Visitor admin = d.g.admin;
        admin.post("/papers/" + d.paperId + "/edit", d.editFields("title", "")).then().statusCode(400)
                .body(containsString("Give the paper a title."));
        int version = admin.get("/api/papers/" + d.paperId).jsonPath().getInt("text.version");
        admin.post("/papers/" + d.paperId + "/edit", d.editFields("link", "https://arxiv.org/abs/2010.14701"))
                .then().statusCode(303);
        admin.get("/api/papers/" + d.paperId).then().body("text.version", equalTo(version))
                .body("paper.link", equalTo("https://arxiv.org/abs/2010.14701"));
        Visitor.anonymous().get("/papers/" + d.paperId + "/edit").then().statusCode(303);
        // The reader offers the edit link only to those who may use it; others may propose a change.
        String forAdmin = admin.get("/papers/" + d.paperId).asString();
        assertTrue(forAdmin.contains("/papers/" + d.paperId + "/edit\">Edit paper</a>"), forAdmin);
        String forModerator = d.page(d.g.moderator);
        assertTrue(!forModerator.contains("Edit paper</a>") && forModerator.contains("Propose a change</a>"));
        String forAnonymous = Visitor.anonymous().get("/papers/" + d.paperId).asString();
        assertTrue(!forAnonymous.contains("Edit paper</a>") && !forAnonymous.contains("Propose a change</a>"));
    }
}
