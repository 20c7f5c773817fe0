package app.marginalia.web.group;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.Selectors;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.discussion.MarkdownText;
import app.marginalia.core.discussion.ThreadKind;
import app.marginalia.core.discussion.ThreadState;
import app.marginalia.web.Visitor;
import app.marginalia.web.annotation.Discussion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins a thread's state everywhere it shows. One group discusses one paper with a thread for
 * every combination (question or note × answered × resolved × root deleted, plus highlights bare,
 * with words, with a reply, with only a deleted reply, resolved and deleted), all made through the
 * JSON API as the reader's script makes them. The state {@link ThreadState#of} gives each thread
 * must be the one the SQL counts (the JSON list, the group page, the reader's panel), the agenda,
 * the minutes and search's {@code is:} filters all show.
 */
@QuarkusTest
class ThreadStatePinTest {

    /** How one thread is made; {@code name} is its root's body (or, for a highlight without words, only a label). */
    private record Spec(String name, Motivation motivation, boolean body, boolean reply, boolean answered,
                        boolean resolved, boolean deleteReply, boolean deleteRoot) {

        /** What core says this thread is, from the same facts the pages see. */
        ThreadState expected() {
            return ThreadState.of(ThreadKind.of(motivation, body, reply && !deleteReply), answered, resolved, deleteRoot);
        }
    }

    /** A thread as made: its root, its reply (if any), and what it should be. */
    private record Made(Spec spec, long root, Long reply, int start, int end) {
    }

    private static List<Spec> specs() {
        List<Spec> specs = new ArrayList<>();
        for (boolean answered : new boolean[]{false, true}) {
            for (boolean resolved : new boolean[]{false, true}) {
                for (boolean deleted : new boolean[]{false, true}) {
                    // A reply to choose as the answer, and one to keep a deleted root as a tombstone.
                    specs.add(new Spec("question a" + bit(answered) + " r" + bit(resolved) + " d" + bit(deleted),
                            Motivation.QUESTIONING, true, answered || deleted, answered, resolved, false, deleted));
                }
            }
        }
        // "Answered" does not apply to a note: the API refuses it (checked below), so it is not a dimension.
        for (boolean resolved : new boolean[]{false, true}) {
            for (boolean deleted : new boolean[]{false, true}) {
                specs.add(new Spec("note r" + bit(resolved) + " d" + bit(deleted), Motivation.COMMENTING, true,
                        deleted, false, resolved, false, deleted));
            }
        }
        specs.add(new Spec("bare highlight", Motivation.HIGHLIGHTING, false, false, false, false, false, false));
        specs.add(new Spec("bare highlight resolved", Motivation.HIGHLIGHTING, false, false, false, true, false, false));
        specs.add(new Spec("highlight with a reply", Motivation.HIGHLIGHTING, false, true, false, false, false, false));
        specs.add(new Spec("highlight with words", Motivation.HIGHLIGHTING, true, false, false, false, false, false));
        specs.add(new Spec("highlight with a reply, resolved", Motivation.HIGHLIGHTING, false, true, false, true, false, false));
        specs.add(new Spec("highlight whose only reply was deleted", Motivation.HIGHLIGHTING, false, true, false, false,
                true, false));
        specs.add(new Spec("highlight deleted with a reply", Motivation.HIGHLIGHTING, false, true, false, false, false, true));
        return specs;
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }

    @Test
    void shouldShowEveryThreadInTheStateThreadStateGivesItOnEveryPageCountAndFilter() {
        Discussion d = new Discussion();
        List<Made> threads = make(d);
        Map<ThreadState, Set<Long>> byState = new EnumMap<>(ThreadState.class);
        for (ThreadState s : ThreadState.values()) {
            byState.put(s, new TreeSet<>());
        }
        threads.forEach(t -> byState.get(t.spec().expected()).add(t.root()));
        // Every state is there at least once, or the test would pin less than it claims.
        for (ThreadState s : ThreadState.values()) {
            assertFalse(byState.get(s).isEmpty(), "no thread is " + s);
        }
        Map<String, Long> expected = expectedCounts(threads, byState);

        assertCountsInTheJsonList(d, expected);
        assertCountsOnTheGroupPage(d, expected);
        assertCountsInTheReader(d, expected);
        assertTheAgenda(d, byState);
        assertTheMinutes(d, threads);
        assertTheSearchFilters(d, threads, byState);
    }

    // ---- Making the threads ----

    private static List<Made> make(Discussion d) {
        List<Made> made = new ArrayList<>();
        int start = 0;
        for (Spec spec : specs()) {
            int end = start + 12;
            // The member writes every root; the owner replies; the member (the asker) answers and resolves.
            long root = d.create(d.g.member, d.passage(start, end, spec.motivation().name(), spec.body() ? spec.name() : ""));
            Long reply = spec.reply() ? d.reply(d.g.owner, root, "reply in " + spec.name()) : null;
            if (spec.answered()) {
                d.g.member.json("POST", "/api/annotations/" + root + "/answer", Map.of("replyId", reply))
                        .then().statusCode(200);
            }
            if (spec.resolved()) {
                d.g.member.json("POST", "/api/annotations/" + root + "/resolve", Map.of("resolved", true))
                        .then().statusCode(200);
            }
            if (spec.deleteReply()) {
                d.g.owner.json("DELETE", "/api/annotations/" + reply, null).then().statusCode(204);
            }
            if (spec.deleteRoot()) {
                d.g.member.json("DELETE", "/api/annotations/" + root, null).then().statusCode(204);
            }
            made.add(new Made(spec, root, spec.deleteReply() ? null : reply, start, end));
            start = end + 8;
        }
        // Why a note is never "answered": marking an answer on it is refused.
        Made note = made.stream().filter(t -> t.spec().motivation() == Motivation.COMMENTING && t.reply() != null)
                .findFirst().orElseThrow();
        d.g.member.json("POST", "/api/annotations/" + note.root() + "/answer", Map.of("replyId", note.reply()))
                .then().statusCode(422);
        return made;
    }

    /** The numbers the counts must show, from the expected states alone. */
    private static Map<String, Long> expectedCounts(List<Made> threads, Map<ThreadState, Set<Long>> byState) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("open", (long) byState.get(ThreadState.OPEN).size());
        counts.put("answered", (long) byState.get(ThreadState.ANSWERED).size());
        counts.put("unresolved", (long) byState.get(ThreadState.UNRESOLVED).size());
        counts.put("resolved", (long) byState.get(ThreadState.RESOLVED).size());
        counts.put("highlights", (long) byState.get(ThreadState.NONE).size());
        // Notes: every root still there that is not a bare highlight, and every reply still there.
        long notes = threads.stream().filter(t -> !t.spec().deleteRoot() && t.spec().expected() != ThreadState.NONE).count()
                + threads.stream().filter(t -> t.reply() != null).count();
        counts.put("notes", notes);
        return counts;
    }

    // ---- The SQL counts, as the JSON list, the group page and the reader show them ----

    private static void assertCountsInTheJsonList(Discussion d, Map<String, Long> expected) {
        JsonPath list = d.g.member.get("/api/groups/" + d.g.id + "/papers").then().statusCode(200).extract().jsonPath();
        Map<String, Object> s = list.getMap("find { it.paperId == " + d.paperId + " }.discussion");
        Map<String, Long> actual = new LinkedHashMap<>();
        actual.put("open", number(s.get("openQuestions")));
        actual.put("answered", number(s.get("answeredQuestions")));
        actual.put("unresolved", number(s.get("unresolvedThreads")));
        actual.put("resolved", number(s.get("resolvedThreads")));
        actual.put("highlights", number(s.get("highlights")));
        actual.put("notes", number(s.get("notes")));
        assertEquals(expected, actual, "the JSON list's counts");
    }

    private static void assertCountsOnTheGroupPage(Discussion d, Map<String, Long> expected) {
        Document page = Jsoup.parse(d.g.member.get("/groups/" + d.g.id).then().statusCode(200).extract().asString());
        Element entry = page.selectFirst("li.entry[data-paper=" + d.paperId + "]");
        assertNotNull(entry, "the paper on the group page");
        assertEquals(expected, counts(entry.selectFirst("ul.stats")), "the group page's counts");
        assertEquals(String.valueOf(expected.get("open")),
                page.selectFirst("p.discussion-totals").attr("data-open-questions"), "the open questions across the list");
    }

    private static void assertCountsInTheReader(Discussion d, Map<String, Long> expected) {
        Document reader = Jsoup.parse(d.page(d.g.member));
        Element panel = reader.selectFirst("section.group-panel");
        assertNotNull(panel, "the reader's group panel");
        assertEquals(expected, counts(panel.selectFirst("ul.stats")), "the reader's counts");
    }

    /** The counts of a {@code tags/stats.html} list, by its {@code data-count} names. */
    private static Map<String, Long> counts(Element stats) {
        assertNotNull(stats, "a list of counts");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : List.of("open", "answered", "unresolved", "resolved", "highlights", "notes")) {
            Element item = stats.selectFirst("li[data-count=" + name + "] strong");
            assertNotNull(item, "no " + name + " count");
            counts.put(name, Long.parseLong(item.text()));
        }
        return counts;
    }

    // ---- The agenda ----

    private static void assertTheAgenda(Discussion d, Map<ThreadState, Set<Long>> byState) {
        Document agenda = Jsoup.parse(d.g.member.get("/groups/" + d.g.id + "/papers/" + d.paperId + "/agenda")
                .then().statusCode(200).extract().asString());
        assertEquals(byState.get(ThreadState.OPEN), threadIds(agenda, "questions-title"), "the agenda's open questions");
        assertEquals(byState.get(ThreadState.UNRESOLVED), threadIds(agenda, "threads-title"),
                "the agenda's unresolved threads");
        for (Element item : agenda.select("li.agenda-item")) {
            long id = Long.parseLong(item.attr("data-thread"));
            ThreadState state = ThreadState.parse(item.attr("data-state")).orElseThrow();
            assertTrue(byState.get(state).contains(id), "thread " + id + " shown as " + state);
        }
    }

    private static Set<Long> threadIds(Document agenda, String section) {
        return agenda.select("section[aria-labelledby=" + section + "] li.agenda-item").stream()
                .map(li -> Long.parseLong(li.attr("data-thread"))).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- The minutes ----

    private static void assertTheMinutes(Discussion d, List<Made> threads) {
        String md = d.g.member.get("/groups/" + d.g.id + "/papers/" + d.paperId + "/minutes").then().statusCode(200)
                .extract().asString();
        List<String> lines = md.lines().toList();
        // Threads in the order of the text: each made thread starts after the one before it.
        List<String> headings = lines.stream().filter(l -> l.startsWith("### ")).toList();
        assertEquals(threads.size(), headings.size(), md);
        for (int i = 0; i < threads.size(); i++) {
            Made t = threads.get(i);
            String heading = headings.get(i);
            String prefix = "### " + (i + 1) + ". " + ThreadKind.of(t.spec().motivation(), t.spec().body(),
                    t.spec().reply() && !t.spec().deleteReply()).label();
            assertTrue(heading.startsWith(prefix), heading + " for " + t.spec().name());
            assertEquals(t.spec().expected(), stateOf(heading.substring(prefix.length())), t.spec().name() + ": " + heading);
            String exact = Selectors.quoteAt(d.text, new TextPositionSelector(t.start(), t.end())).exact();
            assertTrue(md.contains(heading + "\n\n" + MarkdownText.quote(exact)), "the passage of " + t.spec().name());
        }
        long counted = threads.stream().filter(t -> t.spec().expected() != ThreadState.GONE).count();
        long questions = threads.stream().filter(t -> t.spec().expected() != ThreadState.GONE
                && t.spec().motivation() == Motivation.QUESTIONING).count();
        List<Made> open = threads.stream().filter(t -> t.spec().expected() == ThreadState.OPEN).toList();
        assertTrue(lines.contains("- Threads: " + counted + " (" + questions + " questions, " + open.size()
                + " still open)"), md);
        List<String> openSection = section(lines, "## Open questions");
        List<String> listed = openSection.stream().filter(l -> !l.isBlank()).toList();
        assertEquals(open.size(), listed.size(), "the open questions: " + openSection);
        for (int i = 0; i < open.size(); i++) {
            assertTrue(listed.get(i).startsWith((i + 1) + ". " + open.get(i).spec().name() + " ("), listed.get(i));
        }
    }

    /** What the end of a minutes heading says: " — open" and the like, nothing for a bare highlight. */
    private static ThreadState stateOf(String suffix) {
        if (suffix.isEmpty()) {
            return ThreadState.NONE;
        }
        assertTrue(suffix.startsWith(" — "), suffix);
        String word = suffix.substring(" — ".length());
        return word.equals("deleted") ? ThreadState.GONE : ThreadState.parse(word).orElseThrow(() -> new AssertionError(suffix));
    }

    /** The lines under a "## " heading, up to the next. */
    private static List<String> section(List<String> lines, String heading) {
        int from = lines.indexOf(heading);
        assertTrue(from >= 0, "no " + heading);
        List<String> out = new ArrayList<>();
        for (int i = from + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            out.add(lines.get(i));
        }
        return out;
    }

    // ---- Search ----

    /**
     * Every {@code is:} filter finds exactly the threads in that state: a hit, root or reply, is
     * taken as its thread; a deleted root's replies and bare highlights are found by none.
     */
    private static void assertTheSearchFilters(Discussion d, List<Made> threads, Map<ThreadState, Set<Long>> byState) {
        Map<Long, Long> threadOf = new HashMap<>();
        for (Made t : threads) {
            threadOf.put(t.root(), t.root());
            if (t.reply() != null) {
                threadOf.put(t.reply(), t.root());
            }
        }
        for (ThreadState state : List.of(ThreadState.OPEN, ThreadState.ANSWERED, ThreadState.RESOLVED,
                ThreadState.UNRESOLVED)) {
            Set<Long> found = new TreeSet<>();
            Set<Long> strangers = new HashSet<>();
            for (int page = 1; ; page++) {
                JsonPath results = search(d.g.member, "is:" + state.term(), d.g.id, page);
                for (Object id : results.getList("notes.id")) {
                    Long note = ((Number) id).longValue();
                    if (threadOf.containsKey(note)) {
                        found.add(threadOf.get(note));
                    } else {
                        strangers.add(note);
                    }
                }
                if (!results.getBoolean("moreNotes")) {
                    break;
                }
            }
            assertTrue(strangers.isEmpty(), "is:" + state.term() + " found notes of no thread here: " + strangers);
            assertEquals(byState.get(state), found, "is:" + state.term());
        }
    }

    private static JsonPath search(Visitor who, String q, String groupId, int page) {
        return who.request().accept("application/json").queryParam("q", q).queryParam("group", groupId)
                .queryParam("page", page).get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
