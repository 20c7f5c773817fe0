package app.marginalia.core.discussion;

import app.marginalia.core.group.ActivityKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigestTest {

    @Test
    void shouldGroupLinesByDayInTheGroupsZoneOldestFirst() {
        ZoneId zone = ZoneId.of("America/New_York");
        List<Digest.Line> lines = List.of(
                new Digest.Line(Instant.parse("2026-12-02T03:30:00Z"), ActivityKind.Category.REPLIES, "Bob replied", "Agreed."),
                new Digest.Line(Instant.parse("2026-12-01T15:00:00Z"), ActivityKind.Category.NOTES, "Ada asked a question", "Why?"),
                new Digest.Line(Instant.parse("2026-12-02T15:00:00Z"), ActivityKind.Category.MEMBERS, "Cy joined", null));
        String md = Digest.write("Lab", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), zone, lines);
        assertTrue(md.startsWith("# Lab: activity from 2026-12-01 to 2026-12-02\n\n3 events (times in America/New_York):"
                + " notes and questions 1; replies 1; members 1.\n"), md);
        // 03:30 UTC on the 2nd is still the 1st in New York.
        assertTrue(md.contains("## Tuesday 1 December 2026\n\n- 10:00 Ada asked a question: “Why?”\n- 22:30 Bob replied: “Agreed.”\n"), md);
        assertTrue(md.contains("## Wednesday 2 December 2026\n\n- 10:00 Cy joined\n"), md);
    }

    @Test
    void shouldSaySoWhenNothingHappened() {
        assertEquals("# Lab: activity from 2026-12-01 to 2026-12-07\n\n_Nothing happened in the group in these days._\n",
                Digest.write("Lab", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7), ZoneId.of("UTC"), List.of()));
    }

    @Test
    void shouldWriteNamesAndExcerptsAsInertText() {
        List<Digest.Line> lines = List.of(new Digest.Line(Instant.parse("2026-12-01T15:00:00Z"),
                ActivityKind.Category.NOTES, "<img src=x onerror=alert(1)> asked a question",
                "[x](javascript:alert(2)) <script>alert(3)</script> <javascript:alert(4)>"));
        String md = Digest.write("<b>Lab</b>", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), ZoneId.of("UTC"), lines);
        // As the most trusting viewer renders it: raw HTML passed through, no URL checks.
        String html = org.commonmark.renderer.html.HtmlRenderer.builder().build()
                .render(org.commonmark.parser.Parser.builder().build().parse(md));
        assertFalse(html.contains("<img") || html.contains("<script") || html.contains("<b>") || html.contains("<a "), html);
        assertTrue(md.contains("\\<img src=x onerror=alert(1)\\> asked a question: “\\[x\\](javascript:alert(2))"), md);
    }
}
