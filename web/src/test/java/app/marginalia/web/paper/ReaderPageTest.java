package app.marginalia.web.paper;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ReaderPageTest {

    private static long idOf(String title) {
        List<Map<String, Object>> papers = given().get("/api/papers").then().statusCode(200).extract().jsonPath()
                .getList("$");
        return papers.stream().filter(p -> title.equals(p.get("title"))).findFirst()
                .map(p -> ((Number) p.get("id")).longValue())
                .orElseThrow(() -> new AssertionError("no paper titled " + title));
    }

    @Test
    void shouldShowTheTitleBlockAndTheTextInParagraphsWithCodePointOffsets() {
        long id = idOf("Toy Models of Superposition");
        given().get("/papers/" + id).then().statusCode(200)
                .body(containsString("<h1 id=\"paper-title\">Toy Models of Superposition</h1>"))
                .body(containsString("Nelson Elhage, Tristan Hume, Catherine Olsson et al."))
                .body(containsString("Machine Learning"))
                .body(containsString("<time datetime=\"2022-09-21\">Sep 21, 2022</time>"))
                .body(containsString("openai"))
                .body(containsString("<p id=\"para-0\" data-start=\"0\" data-end=\"569\">Neural networks often pack"))
                .body(containsString("aria-labelledby=\"margin-title\""))
                .body(containsString("Sign in</a> to see your groups"));
    }

    @Test
    void shouldShowTheListingScoreAndADateWithoutYearAsGiven() {
        long id = idOf("Scaling Monosemanticity: Extracting Interpretable Features from Claude 3 Sonnet");
        given().get("/papers/" + id).then().statusCode(200)
                .body(containsString("<dd>99.8</dd>"))
                .body(containsString(">May 28</time>"))
                .body(not(containsString("May 28, 20")));
    }

    @Test
    void shouldNameEveryListAPaperCameFrom() {
        long id = idOf("Specific versus General Principles for Constitutional AI");
        given().get("/papers/" + id).then().statusCode(200)
                .body(containsString("001_347a0b179dc52533.txt"))
                .body(containsString("002_76be3978637fe503.txt"))
                .body(containsString("Shammie"))
                .body(containsString("004_458e020ea80686fe.txt"));
    }

    @Test
    void shouldAnswerAMissingPaperWithAFriendlyNotFoundPage() {
        given().get("/papers/999999").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Not found"))
                .body(containsString("Go to the library"))
                .body(not(containsString("Exception")));
        given().get("/papers/not-a-number").then().statusCode(404).body(not(containsString("Exception")));
        given().get("/papers/99999999999999999999999").then().statusCode(404);
    }
}
