package app.marginalia.web.paper;

import app.marginalia.web.TestLibrary;
import app.marginalia.web.Visitor;
import app.marginalia.web.group.GroupFixture;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library one page at a time: pages, the pager's links, sort and filter across pages, bad parameters. */
@QuarkusTest
class LibraryPagingTest {

    @AfterEach
    void removeAddedPapers() {
        TestLibrary.removeAddedPapers();
    }

    @Test
    void shouldWalkEveryMatchPageByPageWithNextAndPreviousLinks() {
        ManyPapers.add("Quokka", 120);
        Document first = page("/papers?q=quokka");
        assertEquals(50, LibraryHtml.cards(first.html()).size());
        assertTrue(first.selectFirst("#result-count").text().startsWith("120 of "), first.selectFirst("#result-count").text());
        assertTrue(first.selectFirst("#result-count").text().contains("page 1 of 3"));
        assertNull(first.selectFirst("nav.pager a[rel=prev]"), "no previous page before the first");

        List<String> seen = new ArrayList<>(LibraryHtml.titles(first.html()));
        Document at = first;
        for (int page = 2; page <= 3; page++) {
            Element next = at.selectFirst("nav.pager a[rel=next]");
            assertNotNull(next, "a next link on page " + (page - 1));
            at = page(next.attr("href"));
            seen.addAll(LibraryHtml.titles(at.html()));
            assertEquals("Page " + page + " of 3", at.selectFirst(".pager__where").text());
        }
        assertEquals(20, LibraryHtml.cards(at.html()).size());
        assertNull(at.selectFirst("nav.pager a[rel=next]"), "no next page after the last");
        assertEquals(120, new HashSet<>(seen).size(), "every match once, no page overlapping another");
        assertEquals(seen.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), seen, "A–Z across the pages");

        Document back = page(at.selectFirst("nav.pager a[rel=prev]").attr("href"));
        assertEquals("Page 2 of 3", back.selectFirst(".pager__where").text());
        assertEquals(seen.subList(50, 100), LibraryHtml.titles(back.html()));
    }

    @Test
    void shouldKeepTheOrderAndTheFilterOnEveryPage() {
        ManyPapers.add("Wombat", 70);
        Document first = page("/papers?q=wombat&sort=date");
        String next = first.selectFirst("nav.pager a[rel=next]").attr("href");
        assertTrue(next.contains("sort=date") && next.contains("q=wombat"), next);
        Document second = page(next);
        assertEquals(20, LibraryHtml.cards(second.html()).size());
        List<Integer> years = new ArrayList<>();
        for (Document d : List.of(first, second)) {
            d.select("li.paper-card time").forEach(t -> years.add(Integer.parseInt(t.attr("datetime").substring(0, 4))));
        }
        assertEquals(70, years.size());
        assertEquals(years.stream().sorted(Comparator.reverseOrder()).toList(), years, "newest first across pages");
        assertEquals("date", first.selectFirst("select#sort option[selected]").val());
        assertEquals("wombat", first.selectFirst("input#filter").val());
    }

    @Test
    void shouldFilterOverTheWholeLibraryNotJustThePageShown() {
        List<Long> ids = ManyPapers.add("Numbat", 130);
        // The last paper by title is on page 3 of the whole library; the filter finds it from page 1.
        Document found = page("/papers?q=numbat 0130");
        assertEquals(List.of("Numbat 0130"), LibraryHtml.titles(found.html()));
        assertEquals("/papers/" + ids.get(129), found.selectFirst("li.paper-card h2 a").attr("href"));
        assertNull(found.selectFirst("nav.pager"), "one page of matches has no pager");
        // Lists and categories match too, by name.
        assertEquals(50, LibraryHtml.cards(page("/papers?q=numbat list").html()).size());
        assertTrue(page("/papers?q=numbat machine learning").selectFirst("#result-count").text().startsWith("130 of"));
    }

    @Test
    void shouldAnswerAPagePastTheEndWith404AndAMessage() {
        ManyPapers.add("Dunnart", 60);
        given().get("/papers?q=dunnart&page=2").then().statusCode(200);
        given().get("/papers?q=dunnart&page=3").then().statusCode(404)
                .body(containsString("Page 3 is past the end: 60 papers match, on 2 pages."));
        given().get("/papers?q=nothing at all here&page=2").then().statusCode(404);
        given().get("/papers?q=nothing at all here").then().statusCode(200).body(containsString("No papers match"));
    }

    @Test
    void shouldRefuseBadParametersWith400AndSayWhy() {
        given().get("/papers?page=abc").then().statusCode(400).body(containsString("Pages are numbered from 1."));
        given().get("/papers?page=0").then().statusCode(400).body(containsString("Pages are numbered from 1."));
        given().get("/papers?page=-2").then().statusCode(400).body(containsString("Pages are numbered from 1."));
        given().get("/papers?page=99999999999").then().statusCode(400);
        given().get("/papers?sort=popularity").then().statusCode(400).body(containsString("Sort by"));
        given().queryParam("q", "w ".repeat(13)).get("/papers").then().statusCode(400).body(containsString("at most 12 words"));
        given().queryParam("q", "%_\\").get("/papers").then().statusCode(200).body(containsString("No papers match"));
        Visitor.register("reader").get("/papers?group=abc").then().statusCode(400)
                .body(containsString("Choose a group by its number."));
    }

    @Test
    void shouldAddPapersToAGroupsListFromTheLibraryWithoutJavaScript() {
        GroupFixture g = new GroupFixture();
        List<Long> ids = ManyPapers.add("Bilby", 60);
        String url = "/papers?q=bilby&group=" + g.id + "&page=2";
        Document library = g.member.html(url);
        assertTrue(library.selectFirst(".picker-banner").text().contains(g.name));
        Element form = library.selectFirst("li.paper-card[data-paper=" + ids.get(55) + "] form.paper-card__pick");
        assertNotNull(form, "an add button on each paper");
        assertEquals("/groups/" + g.id + "/list", form.attr("action"));
        String back = form.selectFirst("input[name=back]").val();
        g.member.post(form.attr("action"), "paperId", form.selectFirst("input[name=paperId]").val(), "back", back)
                .then().statusCode(303).header("Location", containsString("/papers?sort=title&q=bilby&group=" + g.id + "&page=2"));
        Document after = g.member.html(url);
        assertNotNull(after.selectFirst("li.paper-card[data-paper=" + ids.get(55) + "] .badge--ok"), "shown as on the list");
        assertTrue(after.text().contains("Added to the reading list as proposed."));
        assertNotNull(g.member.html("/groups/" + g.id).selectFirst("li.entry[data-paper=" + ids.get(55) + "]"));
        // An address elsewhere is never where the form goes back to.
        g.member.post("/groups/" + g.id + "/list", "paperId", String.valueOf(ids.get(56)), "back", "//evil.example/papers")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/groups/" + g.id));
        // Outsiders learn nothing about the group; visitors are asked to sign in.
        g.outsider.get(url).then().statusCode(404);
        given().redirects().follow(false).get(url).then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void shouldOfferABoundedSearchablePickerOnTheGroupPage() {
        GroupFixture g = new GroupFixture();
        ManyPapers.add("Quoll", 60);
        Document group = g.owner.html("/groups/" + g.id);
        assertEquals(50, group.select("select#paperId option").size(), "at most 50 papers, whatever the library's size");
        assertNotNull(group.selectFirst("form[role=search] input[name=find]"));
        Document found = g.owner.html("/groups/" + g.id + "?find=quoll");
        List<String> offered = found.select("select#paperId option").eachText();
        assertEquals(50, offered.size());
        assertEquals("Quoll 0001", offered.get(0));
        Element more = found.selectFirst(".picker-more a");
        assertNotNull(more, "a link to every match in the library");
        assertEquals("/papers?group=" + g.id + "&q=quoll", more.attr("href"));
        Document library = g.owner.html(more.attr("href"));
        assertEquals(50, library.select("li.paper-card form.paper-card__pick").size());
        assertEquals("Page 1 of 2", library.selectFirst(".pager__where").text());

        Document one = g.owner.html("/groups/" + g.id + "?find=quoll 0007");
        assertEquals(List.of("Quoll 0007"), one.select("select#paperId option").eachText());
        assertNull(one.selectFirst(".picker-more"));
        g.owner.post("/groups/" + g.id + "/list", "paperId", one.selectFirst("select#paperId option").val())
                .then().statusCode(303);
        assertTrue(g.owner.html("/groups/" + g.id + "?find=quoll 0007").text()
                .contains("No paper outside the list matches “quoll 0007”."));
    }

    private static Document page(String path) {
        String html = given().get(path).then().statusCode(200).extract().asString();
        return Jsoup.parse(html);
    }
}
