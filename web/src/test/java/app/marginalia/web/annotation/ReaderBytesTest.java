package app.marginalia.web.annotation;

import app.marginalia.web.Visitor;
import app.marginalia.web.system.PageVersion;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import app.marginalia.web.TestLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader's weight, budgeted like its statements: bytes per thread in the margin and its
 * highlight in the text, and the whole page for 1,000 threads and 300 replies (goal: 800 KB).
 */
@QuarkusTest
class ReaderBytesTest {

    /** A note body of 80 characters, like a typical margin note. */
    private static final String BODY = "Is this the same setup as section two? The effect size looks small to me. N";

    /**
     * A whole thread with an 80-character note on a 40-character passage, as a member sees it the
     * first time (a "New" badge): its card, its quote, its highlight in the text. 784 when written.
     */
    private static final int WHOLE_THREAD_BYTES = 800;
    /** A reply of 80 characters in a whole thread, with its "New" mark on the thread: 338 when written. */
    private static final int REPLY_BYTES = 340;
    /** A folded thread's line (past the first ReaderMarkup.WHOLE_THREADS) and its highlight: 350 when written. */
    private static final int FOLDED_THREAD_BYTES = 360;

    @Inject
    PageVersion pageVersion;

    /** The long papers these tests add leave the shared library as they found it. */
    @AfterEach
    void removeAddedPapers() {
        TestLibrary.removeAddedPapers();
    }

    private int pageBytes(Discussion d) {
        pageVersion.advance(); // the notes were written straight to the database: a change, as a command makes
        String page = d.page(d.g.member);
        return page.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String body(int i) {
        String n = Integer.toString(i);
        return BODY.substring(0, BODY.length() - n.length()) + n;
    }

    @Test
    void shouldKeepEachThreadAndReplyWithinItsBytes() {
        Discussion few = Discussion.ofLongPaper();
        Discussion more = Discussion.ofLongPaper();
        SeededNotes.seed(few, 10, 0, 40, ReaderBytesTest::body);
        SeededNotes.seed(more, 210, 0, 40, ReaderBytesTest::body);
        int perThread = (pageBytes(more) - pageBytes(few)) / 200;
        assertTrue(perThread <= WHOLE_THREAD_BYTES, "a thread and its highlight cost " + perThread + " bytes");

        Discussion replies = Discussion.ofLongPaper();
        SeededNotes.seed(replies, 10, 100, 40, ReaderBytesTest::body);
        int perReply = (pageBytes(replies) - pageBytes(few)) / 100;
        assertTrue(perReply <= REPLY_BYTES, "a reply costs " + perReply + " bytes");
    }

    @Test
    void shouldFoldThreadsPastTheFirstFewHundredAndLinkThemToTheirPage() {
        Discussion d = Discussion.ofLongPaper();
        int threads = ReaderMarkup.WHOLE_THREADS + 200;
        SeededNotes.seed(d, threads, 0, 12, ReaderBytesTest::body);
        pageVersion.advance();
        Document page = Visitor.html(d.g.member.get("/papers/" + d.paperId + "?group=" + d.g.id));
        assertEquals(threads, page.select("#thread-list > li[data-thread]").size());
        assertEquals(200, page.select("#thread-list article.thread--folded").size());
        assertEquals(ReaderMarkup.WHOLE_THREADS, page.select("#thread-list article.thread:not(.thread--folded)").size());
        // The text highlights every thread's passage, folded or not.
        assertEquals(threads, page.select(".paper-text mark.hl[id^=hl-]").size());

        // Without JavaScript a folded line leads to the thread's page, with its forms.
        Element folded = page.selectFirst("#thread-list article.thread--folded");
        assertTrue(folded.text().contains("Member") || folded.text().contains("Owner") || folded.text().contains("Moderator"),
                folded.text());
        String link = folded.selectFirst("a.thread__open").attr("href");
        Document actions = Visitor.html(d.g.member.get(link).then().statusCode(200).extract().response());
        assertTrue(actions.selectFirst("form[action$=/replies] textarea[name=body]") != null, "a reply form");
        // With JavaScript it unfolds into the compact card the margin writes for the first threads.
        String thread = folded.closest("li").attr("data-thread");
        Document unfolded = Visitor.html(d.g.member.get("/annotations/" + thread + "/thread?compact=true")
                .then().statusCode(200).extract().response());
        assertEquals("annotation-" + thread, unfolded.selectFirst("li > article.thread").id());
        assertTrue(unfolded.selectFirst(".note__body").text().startsWith("Is this the same setup"));
        assertEquals(0, unfolded.select("form").size(), "compact: no forms");
        d.g.outsider.get("/annotations/" + thread + "/thread?compact=true").then().statusCode(404);

        int bytes = pageBytes(d);
        Discussion whole = Discussion.ofLongPaper();
        SeededNotes.seed(whole, ReaderMarkup.WHOLE_THREADS, 0, 12, ReaderBytesTest::body);
        int perFolded = (bytes - pageBytes(whole)) / 200;
        assertTrue(perFolded <= FOLDED_THREAD_BYTES, "a folded thread and its highlight cost " + perFolded + " bytes");
    }

    @Test
    void shouldWeighUnder800KilobytesWithAThousandThreadsAndThreeHundredReplies() {
        Discussion d = Discussion.ofLongPaper();
        SeededNotes.seed(d, 1000, 300, 40, ReaderBytesTest::body);
        int bytes = pageBytes(d);
        assertTrue(bytes <= 800_000, "the reader with 1,000 threads and 300 replies is " + bytes + " bytes");
    }
}
