package app.marginalia.web.paper;

import app.marginalia.core.annotation.Selectors;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;
import app.marginalia.web.Visitor;
import app.marginalia.web.group.GroupFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import app.marginalia.web.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 §1, as a member tried it: a paper whose group has nine threads on its abstract gets
 * its seven-paragraph full text pasted through the edit form. The abstract stays the document's
 * first part, so every note stays on its words, and the abstract can still be selected.
 */
@QuarkusTest
class FullTextTest {

    @AfterEach
    void removeAddedPapers() {
        // Leaves the shared test library as the seed import made it, for the other test classes.
        TestLibrary.removeAddedPapers();
    }


    private static final String ABSTRACT = "Reading groups rarely finish the papers they choose. We followed twelve "
            + "groups for a year and recorded where their discussion stalled.\n\n"
            + "Notes tied to passages kept conversations alive for weeks, while chat threads faded within days. "
            + "Groups that met in person still used the margin between meetings.\n\n"
            + "We propose three design rules for annotation tools and test them in a second study.";

    /** Nine passages spread over the abstract's three paragraphs. */
    private static final List<String> PASSAGES = List.of("Reading groups rarely finish", "twelve groups",
            "where their discussion stalled", "Notes tied to passages", "kept conversations alive for weeks",
            "chat threads faded", "met in person", "three design rules", "a second study");

    private static final String BODY = "Margins matter because they are where readers already write.\n\n"
            + "We recruited groups through university libraries and online forums.\n\n"
            + "Each group chose its own papers and met at its own pace.\n\n"
            + "We logged every note, reply and reaction with the passage it belonged to.\n\n"
            + "Threads on passages lasted a median of nineteen days.\n\n"
            + "Chat messages about the same papers stopped after four days.\n\n"
            + "The rules follow from where the conversations stayed.";

    @Test
    void shouldKeepNineNotesOnTheAbstractWhenTheFullTextIsPasted() {
        Fixture f = new Fixture("plain");
        f.pasteAndExpectAllInPlace(BODY);
        assertEquals(ABSTRACT + "\n\n" + BODY, f.content());
        f.admin().get("/api/papers/" + f.paperId).then().statusCode(200);
        assertEquals("A*3 P*7", f.api().getString("text.structure"));
    }

    @Test
    void shouldKeepNineNotesWhenTheWholePaperIsPastedWithItsAbstractAgain() {
        Fixture f = new Fixture("whole");
        String pasted = "Abstract\n\n" + ABSTRACT.replace(". We", ".\nWe") + "\n\n# 1 Introduction\n\n" + BODY
                .replace("Each group", "## 1.1 Recruiting\n\nEach group").replace("Threads on passages",
                        "# 2 Results\n\nThreads on passages");
        f.pasteAndExpectAllInPlace(pasted);
        assertTrue(f.content().startsWith(ABSTRACT + "\n\n1 Introduction\n\nMargins matter"), f.content());
        assertEquals("A*3 H1 P*2 H2 P*2 H1 P*3", f.api().getString("text.structure"));

        Document reader = Jsoup.parse(f.g.member.get("/papers/" + f.paperId + "?group=" + f.g.id).asString());
        Element contents = reader.selectFirst("nav[aria-label=Contents]");
        assertNotNull(contents, "three headings give a table of contents");
        assertEquals(List.of("1 Introduction", "1.1 Recruiting", "2 Results"), contents.select("a").eachText());
        for (Element link : contents.select("a")) {
            Element heading = reader.getElementById(link.attr("href").substring(1));
            assertNotNull(heading, link.attr("href"));
            assertTrue(heading.tagName().matches("h[34]|h2"), heading.tagName());
            assertTrue(heading.hasAttr("data-start"), "headings are selectable like paragraphs");
        }
        assertEquals("h3", reader.getElementById("sec-1-1-recruiting").tagName());

        // The edit form shows the body in its source form: saving it unchanged changes nothing.
        Map<String, String> form = f.form();
        assertEquals(ABSTRACT, form.get("abstractText"));
        assertTrue(form.get("fullText").startsWith("# 1 Introduction\n\nMargins matter"), form.get("fullText"));
        Response again = f.admin().post("/papers/" + f.paperId + "/edit", flat(form));
        assertEquals(303, again.statusCode());
        assertEquals(2, f.api().getInt("text.version"));
    }

    private static String[] flat(Map<String, String> fields) {
        List<String> out = new ArrayList<>();
        fields.forEach((k, v) -> out.addAll(List.of(k, v)));
        return out.toArray(String[]::new);
    }

    /** A group reading a paper of its own (not a seed paper, which other tests read) with nine threads. */
    private static final class Fixture {
        final GroupFixture g = new GroupFixture();
        final String paperId;
        final Map<Long, String> notes = new LinkedHashMap<>();
        final Map<Long, Integer> starts = new HashMap<>();

        Fixture(String name) {
            String location = g.admin.post("/papers", "title", "Margins keep groups reading " + name + " "
                    + System.nanoTime(), "abstractText", ABSTRACT, "confirmDuplicate", "true")
                    .then().statusCode(303).extract().header("Location");
            paperId = location.replaceAll(".*/papers/(\\d+).*", "$1");
            g.owner.post("/groups/" + g.id + "/list", "paperId", paperId).then().statusCode(303);
            for (String passage : PASSAGES) {
                int start = ABSTRACT.indexOf(passage);
                TextQuoteSelector quote = Selectors.quoteAt(ABSTRACT,
                        new TextPositionSelector(start, start + passage.length()));
                Map<String, Object> json = new HashMap<>();
                json.put("groupId", Long.valueOf(g.id));
                json.put("motivation", "COMMENTING");
                json.put("start", start);
                json.put("end", start + passage.length());
                json.put("exact", quote.exact());
                json.put("prefix", quote.prefix());
                json.put("suffix", quote.suffix());
                json.put("body", "On " + passage);
                json.put("tags", List.of());
                Response created = g.member.json("POST", "/api/papers/" + paperId + "/annotations", json);
                assertEquals(201, created.statusCode(), created.asString());
                long id = created.jsonPath().getLong("id");
                notes.put(id, passage);
                starts.put(id, start);
            }
        }

        Visitor admin() {
            return g.admin;
        }

        JsonPath api() {
            return g.member.get("/api/papers/" + paperId).jsonPath();
        }

        String content() {
            return api().getString("text.content");
        }

        Map<String, String> form() {
            Document page = Jsoup.parse(g.admin.get("/papers/" + paperId + "/edit").asString());
            Map<String, String> fields = new LinkedHashMap<>();
            for (Element input : page.select("form.form input[name], form.form textarea[name]")) {
                if (!input.attr("name").equals("_csrf")) {
                    fields.put(input.attr("name"), input.val());
                }
            }
            return fields;
        }

        /** Pastes the full text as a member would, then checks the report, the API and the reader. */
        void pasteAndExpectAllInPlace(String fullText) {
            Map<String, String> form = form();
            assertEquals("", form.get("fullText"));
            form.put("fullText", fullText);
            Response saved = g.admin.post("/papers/" + paperId + "/edit", flat(form));
            assertEquals(303, saved.statusCode(), saved.asString());
            String page = g.admin.get(saved.header("Location")).asString();
            assertTrue(page.contains("Saved as text version 2. Notes: 9 in place, 0 moved with their passage, "
                    + "0 detached."), Jsoup.parse(page).select(".flash").text());

            JsonPath paper = api();
            assertEquals("FULL_TEXT", paper.getString("text.kind"));
            assertEquals(ABSTRACT, paper.getString("abstractText"));
            for (Map.Entry<Long, String> note : notes.entrySet()) {
                JsonPath a = g.member.json("GET", "/api/annotations/" + note.getKey(), null).jsonPath();
                assertFalse(a.getBoolean("detached"));
                assertEquals(2, a.getInt("textVersion"));
                assertEquals(starts.get(note.getKey()), a.getInt("selectors[0].start"));
                assertEquals(note.getValue(), a.getString("selectors[1].exact"));
            }

            // The abstract is the start of the one text: labelled, and every paragraph selectable.
            Document reader = Jsoup.parse(g.member.get("/papers/" + paperId + "?group=" + g.id).asString());
            assertNotNull(reader.getElementById("abstract-title"));
            List<Element> blocks = reader.select(".paper-text [data-start]");
            assertEquals(List.of("0", String.valueOf(ABSTRACT.indexOf("Notes tied")),
                    String.valueOf(ABSTRACT.indexOf("We propose"))),
                    blocks.subList(0, 3).stream().map(b -> b.attr("data-start")).toList());
            for (Map.Entry<Long, String> note : notes.entrySet()) {
                Element mark = reader.selectFirst("mark[data-annotations~=(^| )" + note.getKey() + "( |$)]");
                assertNotNull(mark, "note " + note.getKey() + " is highlighted");
                assertEquals(note.getValue(), reader.select("mark[id=hl-" + note.getKey() + "]").text());
            }
            assertTrue(reader.select(".paper-abstract").isEmpty(), "no separate abstract any more");
        }
    }
}
