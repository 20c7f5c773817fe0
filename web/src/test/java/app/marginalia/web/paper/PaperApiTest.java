package app.marginalia.web.paper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PaperApiTest {

    private static Map<String, Object> paper(String title) {
        List<Map<String, Object>> papers = given().get("/api/papers").jsonPath().getList("$");
        return papers.stream().filter(p -> p.get("title").equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no paper titled " + title));
    }

    @Test
    void shouldListTheLibraryAsJson() {
        JsonPath json = given().get("/api/papers").then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath();
        assertEquals(39, json.getList("$").size());
        assertEquals("A General Language Assistant as a Laboratory for Alignment", json.getString("[0].title"));
        assertEquals("Auditing language models for hidden objectives",
                given().get("/api/papers?sort=date").jsonPath().getString("[0].title"));
        assertEquals(10, given().get("/api/papers?q=Shammie").jsonPath().getList("$").size());
    }

    @Test
    void shouldGiveTheSameMetadataThePagesShow() {
        Map<String, Object> toy = paper("Toy Models of Superposition");
        assertEquals(List.of("Nelson Elhage", "Tristan Hume", "Catherine Olsson"), toy.get("authors"));
        assertEquals(true, toy.get("authorsTruncated"));
        assertEquals(List.of("openai"), toy.get("organisations"));
        assertEquals("cs.LG", toy.get("category"));
        assertEquals("Machine Learning", toy.get("categoryName"));
        assertEquals(Map.of("display", "Sep 21, 2022", "iso", "2022-09-21", "year", 2022, "month", 9, "day", 21),
                toy.get("published"));
        Map<String, Object> sonnet = paper(
                "Scaling Monosemanticity: Extracting Interpretable Features from Claude 3 Sonnet");
        assertEquals(99.8f, ((Number) sonnet.get("score")).floatValue());
        assertEquals("May 28", ((Map<?, ?>) sonnet.get("published")).get("display"));
        assertEquals(null, ((Map<?, ?>) sonnet.get("published")).get("year"));
    }

    @Test
    void shouldReturnAPaperWithItsCanonicalTextAndOrigins() {
        Map<String, Object> sleeper = paper(
                "Sleeper Agents: Training Deceptive LLMs that Persist Through Safety Training");
        int id = (Integer) sleeper.get("id");
        JsonPath json = given().get("/api/papers/" + id).then().statusCode(200)
                .body("paper.title", equalTo("Sleeper Agents: Training Deceptive LLMs that Persist Through Safety Training"))
                .body("paper.published.display", equalTo("2024"))
                .body("text.version", equalTo(1))
                .body("text.kind", equalTo("ABSTRACT"))
                .body("text.paragraphs[0].start", equalTo(0))
                .body("origins.list", hasItems("001_347a0b179dc52533.txt", "Shammie"))
                .body("paper.link", nullValue())
                .extract().jsonPath();
        String content = json.getString("text.content");
        assertTrue(content.startsWith("Humans are capable of strategically deceptive behavior"));
        assertEquals(content.codePointCount(0, content.length()), json.getInt("text.length"));
        assertEquals(content, json.getString("abstractText"));
    }

    @Test
    void shouldAnswerAMissingPaperWithJson404() {
        given().get("/api/papers/999999").then().statusCode(404)
                .contentType(containsString("application/json"))
                .body("status", equalTo(404))
                .body("message", containsString("nothing at this address"));
    }
}
