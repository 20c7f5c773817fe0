package app.marginalia.web.annotation;

import app.marginalia.persistence.annotation.Annotation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Selections a client can send but no text has: start after end, a negative start, offsets
 * past the text, all without a quote (so the server would derive one). Every route answers
 * 4xx with the reason and writes nothing.
 */
@QuarkusTest
class SelectorValidationTest {

    /** (start, end) pairs that select nothing in any paper, including ones that overflow arithmetic. */
    private static final int[][] IMPOSSIBLE = {{40, 10}, {-5, 10}, {1_000_000, 1_000_010}, {10, 10},
            {Integer.MIN_VALUE, Integer.MAX_VALUE}, {0, Integer.MAX_VALUE}, {-1, -1}};

    @Test
    void shouldAnswer422ToAnImpossibleSelectionWithoutAQuoteOnTheJsonApi() {
        Discussion d = new Discussion();
        for (int[] p : IMPOSSIBLE) {
            Map<String, Object> request = new HashMap<>(Map.of("groupId", Long.valueOf(d.g.id), "motivation", "COMMENTING",
                    "start", p[0], "end", p[1], "body", "note on nothing"));
            d.g.member.json("POST", "/api/papers/" + d.paperId + "/annotations", request).then().statusCode(422)
                    .body("message", containsString("is not inside the text"));
        }
        assertEquals(0, notesOn(d), "nothing was written");
    }

    @Test
    void shouldReturnToTheReaderWithTheReasonWhenTheFormSendsAnImpossibleSelection() {
        Discussion d = new Discussion();
        for (int[] p : IMPOSSIBLE) {
            Response response = d.g.member.post("/papers/" + d.paperId + "/annotations", "groupId", d.g.id,
                    "motivation", "COMMENTING", "start", String.valueOf(p[0]), "end", String.valueOf(p[1]), "body", "x");
            assertEquals(303, response.statusCode(), response.asString());
            String page = d.g.member.get(response.header("Location")).asString();
            assertTrue(Jsoup.parse(page).select(".flash-bar").text().contains("is not inside the text"),
                    "the flash names the problem for " + p[0] + ", " + p[1]);
        }
        assertEquals(0, notesOn(d));
    }

    @Test
    void shouldAnswer400ToNumbersThatAreNotPositions() {
        Discussion d = new Discussion();
        d.g.member.json("POST", "/api/papers/" + d.paperId + "/annotations",
                        "{\"start\": 1e40, \"end\": 99999999999999, \"body\": \"x\"}").then().statusCode(400);
        d.g.member.post("/papers/" + d.paperId + "/annotations", "start", "99999999999999", "end", "-",
                "body", "x").then().statusCode(400);
        assertEquals(0, notesOn(d));
    }

    @Test
    void shouldAnswer422ToAnImpossiblePassageForADetachedNote() {
        Discussion d = new Discussion();
        long id = d.create(d.g.member, d.passage(0, 10, "COMMENTING", "soon detached"));
        QuarkusTransaction.requiringNew().run(() -> Annotation.update("detached = true where id = ?1", id));
        for (int[] p : IMPOSSIBLE) {
            d.g.member.json("POST", "/api/annotations/" + id + "/anchor", Map.of("start", p[0], "end", p[1]))
                    .then().statusCode(422).body("message", containsString("is not inside the text"));
        }
        d.g.member.json("GET", "/api/annotations/" + id, null).then().statusCode(200)
                .body("detached", equalTo(true)).body("selectors[0].start", equalTo(0));
    }

    private static int notesOn(Discussion d) {
        List<?> notes = d.g.member.json("GET", "/api/papers/" + d.paperId + "/annotations?group=" + d.g.id, null)
                .then().statusCode(200).extract().jsonPath().getList("$");
        return notes.size();
    }
}
