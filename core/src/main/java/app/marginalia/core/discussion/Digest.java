package app.marginalia.core.discussion;

import app.marginalia.core.group.ActivityKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A group's activity over a range of days, as a Markdown document grouped by day. */
public final class Digest {

    /** The longest range a digest covers. */
    public static final int MAX_DAYS = 366;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** One line of activity: when, its family, the sentence, and an excerpt of the note if any. */
    public record Line(Instant at, ActivityKind.Category category, String text, String excerpt) {
    }

    private Digest() {
    }

    /** Lines may come in any order; they are written oldest first. */
    public static String write(String group, LocalDate from, LocalDate to, ZoneId zone, List<Line> lines) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(MarkdownText.escape(group)).append(": activity from ").append(from).append(" to ")
                .append(to).append("\n\n");
        if (lines.isEmpty()) {
            md.append("_Nothing happened in the group in these days._\n");
            return md.toString();
        }
        Map<ActivityKind.Category, Integer> counts = new EnumMap<>(ActivityKind.Category.class);
        lines.forEach(l -> counts.merge(l.category(), 1, Integer::sum));
        md.append(lines.size()).append(lines.size() == 1 ? " event" : " events").append(" (times in ")
                .append(zone.getId()).append("):");
        counts.forEach((c, n) -> md.append(' ').append(c.label().toLowerCase(Locale.ROOT)).append(' ').append(n).append(';'));
        md.setLength(md.length() - 1);
        md.append(".\n");
        LocalDate day = null;
        for (Line line : lines.stream().sorted((a, b) -> a.at().compareTo(b.at())).toList()) {
            LocalDate lineDay = line.at().atZone(zone).toLocalDate();
            if (!lineDay.equals(day)) {
                day = lineDay;
                md.append("\n## ").append(DAY.format(day)).append("\n\n");
            }
            md.append("- ").append(TIME.format(line.at().atZone(zone))).append(" ").append(MarkdownText.escape(line.text()));
            if (line.excerpt() != null && !line.excerpt().isBlank()) {
                md.append(": “").append(MarkdownText.escape(MarkdownText.excerpt(line.excerpt(), 160))).append("”");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
