package app.marginalia.web.paper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import app.marginalia.web.TestLibrary;
import app.marginalia.web.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AddPaperTest {

    private static final String ABSTRACT = "We follow twelve reading groups for a year and find that margin notes "
            + "tied to passages sustain discussion better than chat.";

    @AfterEach
    void removeAddedPapers() {
        // Leaves the shared test library as the seed import made it, for the other test classes.
        TestLibrary.removeAddedPapers();
    }

    private Visitor member;

    @BeforeEach
    void signIn() {
        member = Visitor.register("librarian");
    }

    /** A form post by a signed-in member, with the CSRF token and Origin a browser sends. */
    private RequestSpecification form() {
        return member.request().header("Origin", Visitor.origin())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", member.csrf());
    }

    private static long libraryCount() {
        return given().get("/api/papers").jsonPath().getList("$").size();
    }

    @Test
    void shouldOfferAFormReachableFromTheLibrary() {
        given().get("/papers").then().body(containsString("href=\"/papers/new\""));
        member.get("/papers/new").then().statusCode(200)
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
        member.get(location).then().statusCode(200)
                .body(containsString("Paper added to the library."))
                .body(containsString("Margins Matter: Annotation in Reading Groups"))
                .body(containsString("Ada Lovelace, Charles Babbage"))
                .body(containsString("Mar 14, 2024"))
                .body(containsString("href=\"https://example.org/margins\" rel=\"nofollow noopener noreferrer\""))
                .body(containsString("Added by Librarian"))
                .body(containsString("tied to passages"));
    }

    @Test
    void shouldListAPaperWithoutTextAndOfferToAddItLater() {
        String location = form().formParam("title", "A Paper Known Only By Its Title")
                .formParam("authors", "Grace Hopper")
                .post("/papers").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/papers/(\\d+).*", "$1"));
        given().get("/api/papers/" + id).then().statusCode(200)
                .body("text.content", org.hamcrest.Matchers.equalTo(""))
                .body("text.kind", org.hamcrest.Matchers.equalTo("ABSTRACT"));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(member.get("/papers/" + id).then().statusCode(200)
                .extract().asString());
        assertTrue(page.select(".paper-text").text().contains("listed without its text yet"), page.select(".paper-text").text());
        assertTrue(page.select(".paper-text [data-start]").isEmpty());
        // A second paper with another title is not taken for a duplicate of the first (no shared empty text).
        form().formParam("title", "Another Paper Known Only By Its Title")
                .post("/papers").then().statusCode(303);
    }

    @Test
    void shouldReadTheAbstractThenTheFullTextAsOneDocumentWithItsStructure() {
        String location = form().formParam("title", "A Paper With Full Text")
                .formParam("abstractText", ABSTRACT)
                .formParam("fullText", "# Introduction\r\n\r\nReading groups annotate 🙂 together.\r\n\r\n\r\nConclusion")
                .post("/papers").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/papers/(\\d+).*", "$1"));
        int a = ABSTRACT.length() + 2;
        given().get("/api/papers/" + id).then().statusCode(200)
                .body("text.kind", org.hamcrest.Matchers.equalTo("FULL_TEXT"))
                .body("text.content", org.hamcrest.Matchers.equalTo(
                        ABSTRACT + "\n\nIntroduction\n\nReading groups annotate 🙂 together.\n\nConclusion"))
                .body("text.structure", org.hamcrest.Matchers.equalTo("A H1 P*2"))
                .body("text.blocks[1].kind", org.hamcrest.Matchers.equalTo("heading"))
                .body("text.blocks[2].start", org.hamcrest.Matchers.equalTo(a + 14))
                .body("text.blocks[2].end", org.hamcrest.Matchers.equalTo(a + 49))
                .body("text.paragraphs[3].start", org.hamcrest.Matchers.equalTo(a + 51))
                .body("abstractText", org.hamcrest.Matchers.equalTo(ABSTRACT));
        given().get("/papers/" + id).then().body(containsString("id=\"abstract-title\""))
                .body(containsString("<h2 id=\"sec-introduction\" class=\"doc-heading doc-heading--1\" data-start=\"" + a + "\""))
                .body(containsString("data-start=\"" + (a + 51) + "\""));
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
    void shouldAskAnonymousVisitorsToSignInBeforeAddingAPaper() {
        given().redirects().follow(false).get("/papers/new").then().statusCode(303)
                .header("Location", containsString("/login?next=%2Fpapers%2Fnew"));
        Visitor stranger = Visitor.anonymous();
        long before = libraryCount();
        stranger.post("/papers", "title", "Anonymous paper", "abstractText", ABSTRACT).then().statusCode(303)
                .header("Location", containsString("/login"));
        assertEquals(before, libraryCount());
    }

    @Test
    void shouldProposeANewPaperStraightToAGroupsList() {
        String group = member.post("/groups", "name", "Paper adders", "description", "", "timeZone", "UTC")
                .then().statusCode(303).extract().header("Location");
        String groupId = group.replaceAll(".*/groups/(\\d+).*", "$1");
        member.get("/papers/new?group=" + groupId).then().body(containsString("value=\"" + groupId + "\" selected"));
        form().formParam("title", "Straight to the list").formParam("abstractText", ABSTRACT)
                .formParam("groupId", groupId).post("/papers").then().statusCode(303);
        member.get("/groups/" + groupId).then().statusCode(200).body(containsString("Straight to the list"))
                .body(containsString("proposed “Straight to the list”"));
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
