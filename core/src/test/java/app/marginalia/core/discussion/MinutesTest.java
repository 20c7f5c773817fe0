package app.marginalia.core.discussion;

import app.marginalia.core.discussion.Minutes.Note;
import app.marginalia.core.discussion.Minutes.Thread;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinutesTest {

    private static final Instant T = Instant.parse("2026-12-03T16:00:00Z");
    private static final Minutes.Header HEADER = new Minutes.Header("Tuesday *club*", "Attention Is All You Need",
            "Vaswani, Shazeer", "https://arxiv.org/abs/1706.03762", "Discussed", "Thu 3 Dec 2026, 17:00 (Europe/Berlin)",
            ZoneId.of("Europe/Berlin"), T);

    @Test
    void shouldQuoteEachPassageWithItsNotesRepliesAndAnswer() {
        Thread question = new Thread(ThreadKind.QUESTION, ThreadState.ANSWERED, false, "multi-head attention\nallows the model", List.of(
                new Note("Ada", T, "Why eight heads?", 0, false, false),
                new Note("Bob", T.plusSeconds(60), "They tried 1–32; see Table 3.", 1, true, false),
                new Note("Cy", T.plusSeconds(120), "", 2, false, true)));
        String md = Minutes.write(HEADER, new Minutes.Conclusion("Worth **re-reading** section 3.", "Ada", T), List.of(question));
        assertTrue(md.startsWith("# Minutes: Attention Is All You Need\n"));
        assertTrue(md.contains("- Group: Tuesday \\*club\\*\n"), "names cannot inject formatting");
        assertTrue(md.contains("## Conclusion\n\nWorth **re-reading** section 3.\n\n_Recorded by Ada, 3 Dec 2026, 17:00 Europe/Berlin._"));
        assertTrue(md.contains("### 1. Question — answered\n\n> multi-head attention\n> allows the model\n"));
        assertTrue(md.contains("**Ada** · 3 Dec 2026, 17:00 Europe/Berlin\n\nWhy eight heads?\n"));
        assertTrue(md.contains("↳ **Bob** · 3 Dec 2026, 17:01 Europe/Berlin · **Answer**\n\nThey tried 1–32; see Table 3.\n"));
        assertTrue(md.contains("↳ ↳ **Cy** · 3 Dec 2026, 17:02 Europe/Berlin\n\n_This note was deleted._"));
        assertTrue(md.contains("## Open questions\n\n_None._"));
    }

    @Test
    void shouldListOpenQuestionsAndSayWhenNothingIsConcluded() {
        Thread open = new Thread(ThreadKind.QUESTION, ThreadState.OPEN, false, null, List.of(new Note("Ada", T, "Is the baseline fair?", 0, false, false)));
        Thread resolvedNote = new Thread(ThreadKind.NOTE, ThreadState.RESOLVED, false, "scaled dot-product",
                List.of(new Note("Bob", T, "Nice trick.", 0, false, false)));
        String md = Minutes.write(HEADER, null, List.of(open, resolvedNote));
        assertTrue(md.contains("## Conclusion\n\n_No conclusion recorded yet._"));
        assertTrue(md.contains("## Open questions\n\n1. Is the baseline fair? (Ada)\n"));
        assertTrue(md.contains("### 1. Question — open\n\n_On the whole paper._\n"));
        assertTrue(md.contains("### 2. Note — resolved\n\n> scaled dot-product\n"));
        assertTrue(md.contains("- Threads: 2 (1 question, 1 still open)"));
    }

    @Test
    void shouldSaySoWhenTheGroupHasNotAnnotatedThePaper() {
        String md = Minutes.write(HEADER, null, List.of());
        assertTrue(md.contains("_Nobody has annotated this paper in the group yet._"));
        assertFalse(md.contains("### "));
    }

    @Test
    void shouldEscapeMarkdownInPlainValuesAndCutExcerptsOnCodePoints() {
        assertEquals("\\[x\\](y) \\#1", MarkdownText.escape("[x](y) #1"));
        assertEquals("a\\*b\\_c", MarkdownText.escape("a*b_c"));
        assertEquals("😀😀…", MarkdownText.excerpt("😀😀😀", 2));
        assertEquals("short", MarkdownText.excerpt("  short  ", 10));
    }

    @Test
    void shouldCarryNotesAndConclusionsAsSanitisedMarkdown() {
        Thread thread = new Thread(ThreadKind.NOTE, ThreadState.UNRESOLVED, false, "a passage", List.of(
                new Note("Eve", T, "<script>alert(1)</script>\n\nSee <img src=x onerror=alert(2)> and [x](javascript:alert(3))"
                        + " or <javascript:alert(4)> but [the paper](https://arxiv.org/abs/1706.03762) is fine.", 0, false, false)));
        Minutes.Header hostile = new Minutes.Header("Lab", "T", "A", "javascript:alert(5)", "Discussed", null,
                ZoneId.of("UTC"), T);
        String md = Minutes.write(hostile, new Minutes.Conclusion("<iframe src=//evil.example></iframe> **kept**", "Ada", T),
                List.of(thread));
        // As the most trusting viewer renders it: raw HTML passed through, no URL checks.
        String html = org.commonmark.renderer.html.HtmlRenderer.builder().build()
                .render(org.commonmark.parser.Parser.builder().build().parse(md));
        for (String unsafe : new String[]{"<script", "<img", "<iframe", "href=\"javascript:"}) {
            assertFalse(html.contains(unsafe), unsafe + " in " + html);
        }
        assertTrue(md.contains("\\<script>alert(1)\\</script>"), md);
        assertTrue(md.contains("See \\<img src=x onerror=alert(2)> and x or javascript:alert(4) but "
                + "[the paper](https://arxiv.org/abs/1706.03762) is fine."), md);
        assertTrue(md.contains("## Conclusion\n\n\\<iframe src=//evil.example>\\</iframe> **kept**\n"), md);
        assertTrue(md.contains("- Link: javascript:alert(5)\n"), "not a link: " + md);
    }

    @Test
    void shouldWriteEachThreadsStateAsThreadStateDecidedItAndCountNoDeletedThread() {
        Note root = new Note("Ada", T, "Why?", 0, false, false);
        Thread answeredAndResolved = new Thread(ThreadKind.QUESTION, ThreadState.RESOLVED, false, null, List.of(root));
        Thread unresolved = new Thread(ThreadKind.NOTE, ThreadState.UNRESOLVED, true, "gone passage", List.of(root));
        Thread bare = new Thread(ThreadKind.HIGHLIGHT, ThreadState.NONE, false, "marked", List.of(
                new Note("Bob", T, "", 0, false, false)));
        Thread deleted = new Thread(ThreadKind.QUESTION, ThreadState.GONE, false, null, List.of(
                new Note("Cy", T, "", 0, false, true), new Note("Ada", T, "A reply that stays.", 1, false, false)));
        String md = Minutes.write(HEADER, null, List.of(answeredAndResolved, unresolved, bare, deleted));
        assertTrue(md.contains("### 1. Question — resolved\n"), "resolving is the last word: " + md);
        assertTrue(md.contains("### 2. Note (passage no longer in the text) — unresolved\n"), md);
        assertTrue(md.contains("### 3. Highlight\n"), md);
        assertTrue(md.contains("### 4. Question — deleted\n"), md);
        assertTrue(md.contains("A reply that stays."), "a deleted root's replies are still in the minutes");
        assertTrue(md.contains("- Threads: 3 (1 question, 0 still open)"), md);
        assertTrue(md.contains("## Open questions\n\n_None._"), md);
    }
}
