package app.marginalia.web.annotation;

import app.marginalia.core.annotation.Selectors;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;
import app.marginalia.web.Visitor;
import app.marginalia.web.group.GroupFixture;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A group reading one seed paper, ready for notes: the fixture's people plus the paper's text. */
public final class Discussion {

    public final GroupFixture g = new GroupFixture();
    public final String paperId;
    public final String text;

    public Discussion() {
        this(null);
    }

    /** A discussion of the seed paper with this title; of the first paper in the picker when null. */
    public Discussion(String title) {
        paperId = title != null
                ? g.owner.get("/api/papers?q=" + title).jsonPath().getString("[0].id")
                : GroupFixture.firstInPicker(g.owner, g.id);
        g.owner.post("/groups/" + g.id + "/list", "paperId", paperId).then().statusCode(303);
        text = g.owner.get("/api/papers/" + paperId).jsonPath().getString("text.content");
    }

    /** A discussion of a new paper with this full text, added by the group's owner through the form. */
    public static Discussion ofNewPaper(String title, String fullText) {
        return new Discussion(title, fullText);
    }

    /** A paper of 100,000 characters in paragraphs of plain words, as long as a full paper. */
    public static Discussion ofLongPaper() {
        StringBuilder text = new StringBuilder();
        String[] words = {"model", "training", "attention", "layer", "heads", "circuit", "feature", "gradient", "loss",
                "reward", "policy", "evaluation", "benchmark", "scaling", "token", "probe", "sparse", "activation"};
        for (int i = 0; text.length() < 100_000; i++) {
            text.append(words[(i * 7) % words.length]).append(i % 17 == 16 ? ".\n\n" : " ");
        }
        return Discussion.ofNewPaper("A long paper " + System.nanoTime(), text.substring(0, 100_000));
    }

    private Discussion(String title, String fullText) {
        g.owner.get("/papers/new");
        String location = g.owner.post("/papers", "title", title, "authors", "Ada Lovelace",
                "abstractText", "An abstract.", "fullText", fullText, "date", "2026-11-01", "link", "",
                "confirmDuplicate", "true")
                .then().statusCode(303).extract().header("Location");
        paperId = location.replaceAll(".*/papers/(\\d+).*", "$1");
        g.owner.post("/groups/" + g.id + "/list", "paperId", paperId).then().statusCode(303);
        text = g.owner.get("/api/papers/" + paperId).jsonPath().getString("text.content");
    }

    /**
     * The paper's edit form as the server fills it, field by field, so a test can change one
     * field and keep the rest: the shared seed library must not change under other tests.
     */
    public String[] editFields(String... overrides) {
        org.jsoup.nodes.Document form = org.jsoup.Jsoup.parse(g.owner.get("/papers/" + paperId + "/edit").asString());
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (org.jsoup.nodes.Element input : form.select("form.form input[name], form.form textarea[name]")) {
            if (!input.attr("name").equals("_csrf")) {
                fields.put(input.attr("name"), input.val());
            }
        }
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        return fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    /** The body of a create request for the passage [start, end), as the reader's script builds it. */
    public Map<String, Object> passage(int start, int end, String motivation, String body) {
        TextQuoteSelector quote = Selectors.quoteAt(text, new TextPositionSelector(start, end));
        Map<String, Object> json = new HashMap<>();
        json.put("groupId", Long.valueOf(g.id));
        json.put("motivation", motivation);
        json.put("start", start);
        json.put("end", end);
        json.put("exact", quote.exact());
        json.put("prefix", quote.prefix());
        json.put("suffix", quote.suffix());
        json.put("body", body);
        json.put("tags", List.of());
        return json;
    }

    public long create(Visitor who, Map<String, Object> json) {
        Response response = who.json("POST", "/api/papers/" + paperId + "/annotations", json);
        assertEquals(201, response.statusCode(), response.asString());
        return response.jsonPath().getLong("id");
    }

    public long reply(Visitor who, long parent, String body) {
        Response response = who.json("POST", "/api/annotations/" + parent + "/replies", Map.of("body", body));
        assertEquals(201, response.statusCode(), response.asString());
        return response.jsonPath().getLong("id");
    }

    public String page(Visitor who) {
        return who.get("/papers/" + paperId + "?group=" + g.id).asString();
    }

    /**
     * Opens the reader as a browser does: the page, then (when something is new) the "seen"
     * post that seen.js sends once the page is shown, with the page's own group and time.
     */
    public String view(Visitor who) {
        String page = page(who);
        org.jsoup.nodes.Element form = org.jsoup.Jsoup.parse(page).selectFirst("form[data-mark-seen]");
        if (form != null) {
            who.json("POST", "/api/papers/" + paperId + "/seen",
                    Map.of("groupId", Long.valueOf(form.selectFirst("input[name=groupId]").val()),
                            "at", Long.valueOf(form.selectFirst("input[name=at]").val())))
                    .then().statusCode(204);
        }
        return page;
    }
}
