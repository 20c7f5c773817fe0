package app.marginalia.web.paper;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class LibraryPageTest {

    @Test
    void shouldTakeANewUserFromTheFrontDoorToTheLibrary() {
        given().redirects().follow(false).when().get("/")
                .then().statusCode(303).header("Location", containsString("/papers"));
    }

    @Test
    void shouldListAllThirtyNineSeedPapersWithTheirMetadata() {
        String html = given().when().get("/papers").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<h1>Library</h1>"))
                .body(containsString("Toy Models of Superposition"))
                .body(containsString("Nelson Elhage, Tristan Hume, Catherine Olsson et al."))
                .body(containsString("cs.LG"))
                .body(containsString("Sep 21, 2022"))
                .body(containsString("Shammie"))
                .extract().asString();
        assertEquals(39, LibraryHtml.cards(html).size());
    }

    @Test
    void shouldSortByTitleOrNewestFirst() {
        List<String> byTitle = LibraryHtml.titles(given().get("/papers?sort=title").asString());
        assertEquals("A General Language Assistant as a Laboratory for Alignment", byTitle.get(0));
        assertEquals(byTitle.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), byTitle);

        List<String> byDate = LibraryHtml.titles(given().get("/papers?sort=date").asString());
        assertEquals("Auditing language models for hidden objectives", byDate.get(0));
        // Dates without a year (a listing's "May 28") are never guessed into place: they come last.
        assertEquals(List.of("Scaling Monosemanticity: Extracting Interpretable Features from Claude 3 Sonnet",
                        "Emotion Concepts and their Function in a Large Language Model"),
                byDate.subList(37, 39));
    }

    @Test
    void shouldNarrowTheListOnTheServerWithoutJavaScript() {
        String html = given().queryParam("q", "shammie").get("/papers").then().statusCode(200)
                .body(containsString("10 of 39 papers match")).extract().asString();
        assertEquals(10, LibraryHtml.cards(html).size());
        assertEquals(List.of("Scaling Laws for Neural Language Models"),
                LibraryHtml.titles(given().queryParam("q", "kaplan neural").get("/papers").asString()));
    }

    @Test
    void shouldShowAHelpfulMessageWhenNothingMatches() {
        String html = given().queryParam("q", "no such paper anywhere").get("/papers").then().statusCode(200)
                .body(containsString("No papers match"))
                .body(containsString("clear the filter")).extract().asString();
        assertEquals(0, LibraryHtml.cards(html).size());
    }

    @Test
    void shouldEscapeTheFilterWhenShowingItBack() {
        given().queryParam("q", "<script>alert(1)</script>").get("/papers").then().statusCode(200)
                .body(not(containsString("<script>alert(1)</script>")))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void shouldServeTheStylesheetAndTheFilterScript() {
        given().get("/css/app.css").then().statusCode(200).body(containsString(".reader"));
        given().get("/js/library.js").then().statusCode(200).body(containsString("data-filter"));
    }
}
