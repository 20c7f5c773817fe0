package app.marginalia.web.paper;

import app.marginalia.core.annotation.Selectors;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;
import app.marginalia.web.group.GroupFixture;
import db.migration.V11__Documents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import app.marginalia.web.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V11 on a database as it was before it (on H2, and on PostgreSQL with the pg profile): a full
 * text stored without its paper's separate abstract, with notes on it, becomes a new version that
 * opens with the abstract, and every note still selects the same words.
 */
@QuarkusTest
class DocumentMigrationTest {

    @AfterEach
    void removeAddedPapers() {
        // Leaves the shared test library as the seed import made it, for the other test classes.
        TestLibrary.removeAddedPapers();
    }


    // Astral characters before the notes: offsets must count code points, not UTF-16 units.
    private static final String ABSTRACT = "We read 🙂 papers together in 𝔘 groups.\n\nA second paragraph of the abstract.";
    private static final String OLD_BODY = "Introduction\n\nGroups that annotate 🙂 keep reading.\n\n"
            + "Method\n\nWe logged every note with its passage.\n\nReferences\n\n[1] Owl, A. Night. 2020.";
    private static final List<String> PASSAGES = List.of("Groups that annotate", "keep reading", "every note",
            "Owl, A. Night");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Flyway flyway;

    @Test
    void shouldRunAsAJavaMigrationThatQuarkusFound() {
        MigrationInfo v11 = java.util.Arrays.stream(flyway.info().applied())
                .filter(m -> m.getVersion() != null && m.getVersion().getVersion().equals("11")).findFirst().orElse(null);
        assertNotNull(v11, "V11 applied at start");
        assertEquals("JDBC", String.valueOf(v11.getType()));
        assertEquals("Documents", v11.getDescription());
    }

    @Test
    void shouldPutTheAbstractBeforeAnOldFullTextAndKeepEveryNoteOnItsWords() throws SQLException {
        GroupFixture g = new GroupFixture();
        String paperId = g.admin.post("/papers", "title", "Old full text " + System.nanoTime(), "abstractText",
                ABSTRACT, "fullText", OLD_BODY, "confirmDuplicate", "true").then().statusCode(303).extract()
                .header("Location").replaceAll(".*/papers/(\\d+).*", "$1");
        g.owner.post("/groups/" + g.id + "/list", "paperId", paperId).then().statusCode(303);
        String document = g.member.get("/api/papers/" + paperId).jsonPath().getString("text.content");
        int inserted = document.codePointCount(0, document.length()) - OLD_BODY.codePointCount(0, OLD_BODY.length());
        assertEquals(ABSTRACT + "\n\n" + OLD_BODY, document);

        Map<Long, Integer> starts = new LinkedHashMap<>();
        Map<Long, String> words = new HashMap<>();
        for (String passage : PASSAGES) {
            long id = note(g, paperId, document, passage);
            starts.put(id, cpIndex(document, passage));
            words.put(id, passage);
        }
        long detached = note(g, paperId, document, "with its passage");

        // Back to the shape before V11: the text version is the full text alone, no structure, notes on it.
        try (Connection c = dataSource.getConnection()) {
            execute(c, "update paper_text set content = ?, structure = null where paper_id = ? and version_no = 1",
                    OLD_BODY, Long.valueOf(paperId));
            for (long id : starts.keySet()) {
                moveBack(c, id, starts.get(id) - inserted, words.get(id));
            }
            moveBack(c, detached, cpIndex(document, "with its passage") - inserted, "with its passage");
            execute(c, "update annotation set detached = ? where id = ?", true, detached);
            // An abstract-only paper from before V11 has no structure either.
            execute(c, "update paper_text set structure = null where paper_id = (select min(id) from paper)");
            V11__Documents.migrate(c);
        }

        JsonPath paper = g.member.get("/api/papers/" + paperId).jsonPath();
        assertEquals(2, paper.getInt("text.version"));
        assertEquals(ABSTRACT + "\n\n" + OLD_BODY, paper.getString("text.content"));
        assertEquals("A*2 P*4 H1 R", paper.getString("text.structure"));
        assertEquals(ABSTRACT, paper.getString("abstractText"));
        for (long id : starts.keySet()) {
            JsonPath a = g.member.json("GET", "/api/annotations/" + id, null).jsonPath();
            assertFalse(a.getBoolean("detached"));
            assertEquals(2, a.getInt("textVersion"));
            assertEquals(starts.get(id), a.getInt("selectors[0].start"));
            assertEquals(words.get(id), a.getString("selectors[1].exact"));
            TextQuoteSelector expected = Selectors.quoteAt(paper.getString("text.content"),
                    new TextPositionSelector(starts.get(id), starts.get(id) + words.get(id).codePointCount(0,
                            words.get(id).length())));
            assertEquals(expected.prefix(), a.getString("selectors[1].prefix"));
            assertEquals(expected.suffix(), a.getString("selectors[1].suffix"));
        }
        JsonPath stillDetached = g.member.json("GET", "/api/annotations/" + detached, null).jsonPath();
        assertTrue(stillDetached.getBoolean("detached"));
        assertEquals(1, stillDetached.getInt("textVersion"));

        // The reader highlights each note on its words.
        org.jsoup.nodes.Document reader = org.jsoup.Jsoup.parse(
                g.member.get("/papers/" + paperId + "?group=" + g.id).asString());
        for (long id : starts.keySet()) {
            assertEquals(words.get(id), reader.select("mark[id=hl-" + id + "]").text());
        }

        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select structure from paper_text t join paper p on "
                     + "t.paper_id = p.id and t.version_no = p.text_version where p.id = (select min(id) from paper)");
             ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).matches("A(\\*\\d+)?"), rs.getString(1));
        }
        try (Connection c = dataSource.getConnection()) {
            V11__Documents.migrate(c); // a second run finds nothing left to do
        }
        assertEquals(2, g.member.get("/api/papers/" + paperId).jsonPath().getInt("text.version"));
    }

    private static int cpIndex(String text, String passage) {
        int i = text.indexOf(passage);
        return text.codePointCount(0, i);
    }

    private static long note(GroupFixture g, String paperId, String text, String passage) {
        int start = cpIndex(text, passage);
        int end = start + passage.codePointCount(0, passage.length());
        TextQuoteSelector quote = Selectors.quoteAt(text, new TextPositionSelector(start, end));
        Map<String, Object> json = new HashMap<>();
        json.put("groupId", Long.valueOf(g.id));
        json.put("motivation", "COMMENTING");
        json.put("start", start);
        json.put("end", end);
        json.put("exact", quote.exact());
        json.put("prefix", quote.prefix());
        json.put("suffix", quote.suffix());
        json.put("body", "On " + passage);
        json.put("tags", List.of());
        Response created = g.member.json("POST", "/api/papers/" + paperId + "/annotations", json);
        assertEquals(201, created.statusCode(), created.asString());
        return created.jsonPath().getLong("id");
    }

    /** The note as it was stored on the old text: its position there and that text's context. */
    private static void moveBack(Connection c, long id, int start, String passage) throws SQLException {
        int end = start + passage.codePointCount(0, passage.length());
        TextQuoteSelector quote = Selectors.quoteAt(OLD_BODY, new TextPositionSelector(start, end));
        assertEquals(passage, quote.exact());
        execute(c, "update annotation set start_pos = ?, end_pos = ?, quote_prefix = ?, quote_suffix = ? where id = ?",
                start, end, quote.prefix(), quote.suffix(), id);
    }

    private static void execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
