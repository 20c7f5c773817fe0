package app.marginalia.web.paper;

import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperOrigin;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AddPaperTest {

    private static final String ABSTRACT = "We follow twelve reading groups for a year and find that margin notes "
            + "tied to passages sustain discussion better than chat.";

    @AfterEach
    void removeAddedPapers() {
        // Leaves the shared test library as the seed import made it, for the other test classes.
        QuarkusTransaction.requiringNew().run(() -> Paper.delete(
                "id in (select o.paper.id from PaperOrigin o where o.kind = ?1)", PaperOrigin.Kind.MANUAL));
    }

    private static RequestSpecification form() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static long libraryCount() {
        return given().get("/api/papers").jsonPath().getList("$").size();
    }

    @Test
    void shouldOfferAFormReachableFromTheLibrary() {
        given().get("/papers").then().body(containsString("href=\"/papers/new\""));
        given().get("/papers/new").then().statusCode(200)
                .body(containsString("<label for=\"title\">"))
                .body(containsString("name=\"fullText\""))
                .body(containsString("method=\"post\" action=\"/papers\""));
    }

    @Test
    void shouldAddAPaperAndOpenItInTheReader() {
        String location = form().formParam("title", "Margins Matter: Annotation in Reading Groups")
                .formParam("authors", "Ada Lovelace\nCharles Babbage")
                .formParam("abstractText", ABSTRACT)
                .formParam("date", "2024-03-14")
                .formParam("link", "https://example.org/margins")
                .post("/papers").then().statusCode(303)
                .header("Location", matchesPattern(".*/papers/\\d+\\?added=true")).extract().header("Location");
        given().get(location).then().statusCode(200)
                .body(containsString("Paper added to the library."))
                .body(containsString("Margins Matter: Annotation in Reading Groups"))
                .body(containsString("Ada Lovelace, Charles Babbage"))
                .body(containsString("Mar 14, 2024"))
                .body(containsString("href=\"https://example.org/margins\" rel=\"nofollow noopener noreferrer\""))
                .body(containsString("Added by hand"))
                .body(containsString("tied to passages"));
    }

    @Test
    void shouldReadTheFullTextWithItsParagraphsAndShowTheAbstractApart() {
        String location = form().formParam("title", "A Paper With Full Text")
                .formParam("abstractText", ABSTRACT)
                .formParam("fullText", "Introduction\r\n\r\nReading groups annotate 🙂 together.\r\n\r\n\r\nConclusion")
                .post("/papers").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/papers/(\\d+).*", "$1"));
        given().get("/api/papers/" + id).then().statusCode(200)
                .body("text.kind", org.hamcrest.Matchers.equalTo("FULL_TEXT"))
                .body("text.content", org.hamcrest.Matchers.equalTo(
                        "Introduction\n\nReading groups annotate 🙂 together.\n\nConclusion"))
                .body("text.paragraphs[1].start", org.hamcrest.Matchers.equalTo(14))
                .body("text.paragraphs[1].end", org.hamcrest.Matchers.equalTo(49))
                .body("text.paragraphs[2].start", org.hamcrest.Matchers.equalTo(51));
        given().get("/papers/" + id).then().body(containsString("id=\"abstract-title\""))
                .body(containsString("data-start=\"51\""));
    }

    @Test
    void shouldRefuseAnInvalidPaperNamingEachProblemAndKeepingWhatWasTyped() {
        long before = libraryCount();
        form().formParam("title", "")
                .formParam("authors", "Grace Hopper")
                .formParam("date", "sometime soon")
                .formParam("link", "javascript:alert(1)")
                .post("/papers").then().statusCode(400)
                .body(containsString("The paper was not saved"))
                .body(containsString("Give the paper a title."))
                .body(containsString("Paste the abstract, the full text, or both."))
                .body(containsString("Write the date as 2024-03-14"))
                .body(containsString("The link must be an http:// or https:// address"))
                .body(containsString(">Grace Hopper</textarea>"))
                .body(containsString("value=\"sometime soon\""));
        assertEquals(before, libraryCount());
    }

    @Test
    void shouldEnforceTheSizeLimitsWithAClearMessage() {
        form().formParam("title", "x".repeat(501)).formParam("abstractText", ABSTRACT)
                .post("/papers").then().statusCode(400)
                .body(containsString("The title is longer than 500 characters."));
        form().formParam("title", "Long").formParam("abstractText", "a ".repeat(10_001))
                .post("/papers").then().statusCode(400)
                .body(containsString("The abstract is longer than 20000 characters."));
    }

    @Test
    void shouldFlagALikelyDuplicateBeforeSavingAndSaveItOnlyOnConfirmation() {
        String seedAbstract = given().get("/api/papers?q=superposition").jsonPath().getString("[0].id");
        String toyText = given().get("/api/papers/" + seedAbstract).jsonPath().getString("text.content");
        long before = libraryCount();
        form().formParam("title", "My copy of the superposition paper")
                .formParam("abstractText", "  " + toyText.toUpperCase() + "  ")
                .post("/papers").then().statusCode(409)
                .body(containsString("This looks like a paper already in the library"))
                .body(containsString("href=\"/papers/" + seedAbstract + "\""))
                .body(containsString("Toy Models of Superposition"))
                .body(containsString("name=\"confirmDuplicate\""));
        assertEquals(before, libraryCount());

        form().formParam("title", "Toy models of superposition!").formParam("abstractText", ABSTRACT)
                .post("/papers").then().statusCode(409).body(containsString("Toy Models of Superposition"));

        form().formParam("title", "My copy of the superposition paper")
                .formParam("abstractText", toyText).formParam("confirmDuplicate", "true")
                .post("/papers").then().statusCode(303);
        assertEquals(before + 1, libraryCount());
    }

    @Test
    void shouldEscapeMarkupInEverythingAMemberTypes() {
        String location = form().formParam("title", "<img src=x onerror=alert(1)> Title")
                .formParam("authors", "<b>Mallory</b>")
                .formParam("abstractText", "<script>alert('x')</script> is not an abstract, but it is text.")
                .post("/papers").then().statusCode(303).extract().header("Location");
        given().get(location).then().statusCode(200)
                .body(not(containsString("<img src=x")))
                .body(not(containsString("<script>alert")))
                .body(containsString("&lt;img src=x onerror=alert(1)&gt; Title"))
                .body(containsString("&lt;b&gt;Mallory&lt;/b&gt;"));
    }
}
