package app.marginalia.core.discussion;

import app.marginalia.core.annotation.Markdown;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The minutes of a group's discussion of one paper, as a Markdown document: the conclusion,
 * the open questions, then every thread in the order of the text, each quoted passage with
 * its notes, replies and the chosen answer. The caller passes only what the group sees.
 */
public final class Minutes {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** The paper and the meeting the minutes are for. */
    public record Header(String group, String title, String byline, String link, String status, String meeting,
                         ZoneId zone, Instant written) {
    }

    /** The group's recorded conclusion; {@code body} is the Markdown a moderator wrote. */
    public record Conclusion(String body, String by, Instant at) {
    }

    /** One note of a thread; depth 0 is the thread's first note. */
    public record Note(String author, Instant at, String body, int depth, boolean answer, boolean deleted) {
    }

    /**
     * A thread: its kind and state as {@link ThreadKind} and {@link ThreadState} decided them
     * (never derived again here), whether its passage is gone from the current text, its quote
     * (null for a note on the whole paper) and its notes, the root first.
     */
    public record Thread(ThreadKind kind, ThreadState state, boolean detached, String quote, List<Note> notes) {

        /** "Question", "Note" or "Highlight", and what became of its passage. */
        public String label() {
            return detached ? kind.label() + " (passage no longer in the text)" : kind.label();
        }
    }

    private Minutes() {
    }

    public static String write(Header header, Conclusion conclusion, List<Thread> threads) {
        StringBuilder md = new StringBuilder();
        md.append("# Minutes: ").append(MarkdownText.escape(header.title())).append("\n\n");
        if (header.byline() != null && !header.byline().isBlank()) {
            md.append(MarkdownText.escape(header.byline())).append("\n\n");
        }
        md.append("- Group: ").append(MarkdownText.escape(header.group())).append('\n');
        md.append("- Status: ").append(header.status()).append('\n');
        if (header.meeting() != null) {
            md.append("- Meeting: ").append(header.meeting()).append('\n');
        }
        if (header.link() != null && !header.link().isBlank()) {
            md.append("- Link: ").append(Markdown.isSafeLink(header.link()) ? "<" + header.link() + ">"
                    : MarkdownText.escape(header.link())).append('\n');
        }
        // A thread whose root was deleted counts nowhere; its replies are still written out below.
        long counted = threads.stream().filter(t -> t.state() != ThreadState.GONE).count();
        long questions = threads.stream().filter(t -> t.state() != ThreadState.GONE && t.kind() == ThreadKind.QUESTION)
                .count();
        long open = threads.stream().filter(t -> t.state() == ThreadState.OPEN).count();
        md.append("- Threads: ").append(counted).append(" (").append(questions).append(questions == 1
                ? " question, " : " questions, ").append(open).append(" still open)\n");
        md.append("- Written: ").append(when(header.written(), header.zone())).append(" by Marginalia\n\n");

        md.append("## Conclusion\n\n");
        if (conclusion == null || conclusion.body() == null || conclusion.body().isBlank()) {
            md.append("_No conclusion recorded yet._\n\n");
        } else {
            md.append(Markdown.toSafeMarkdown(conclusion.body().strip())).append("\n\n");
            md.append("_Recorded by ").append(MarkdownText.escape(conclusion.by())).append(", ")
                    .append(when(conclusion.at(), header.zone())).append("._\n\n");
        }

        md.append("## Open questions\n\n");
        if (open == 0) {
            md.append("_None._\n\n");
        } else {
            int n = 1;
            for (Thread t : threads) {
                if (t.state() == ThreadState.OPEN) {
                    Note first = t.notes().get(0);
                    md.append(n++).append(". ").append(MarkdownText.escape(MarkdownText.excerpt(first.body(), 200)))
                            .append(" (").append(MarkdownText.escape(first.author())).append(")");
                    if (t.quote() != null) {
                        md.append(" on “").append(MarkdownText.escape(MarkdownText.excerpt(t.quote(), 80))).append("”");
                    }
                    md.append('\n');
                }
            }
            md.append('\n');
        }

        md.append("## Discussion\n\n");
        if (threads.isEmpty()) {
            md.append("_Nobody has annotated this paper in the group yet._\n");
        }
        int n = 1;
        for (Thread t : threads) {
            md.append("### ").append(n++).append(". ").append(t.label()).append(state(t.state())).append("\n\n");
            md.append(t.quote() == null ? "_On the whole paper._\n" : MarkdownText.quote(t.quote())).append('\n');
            for (Note note : t.notes()) {
                md.append("↳ ".repeat(note.depth())).append("**").append(MarkdownText.escape(note.author())).append("** · ")
                        .append(when(note.at(), header.zone()));
                if (note.answer()) {
                    md.append(" · **Answer**");
                }
                md.append("\n\n");
                if (note.deleted()) {
                    md.append("_This note was deleted._\n\n");
                } else if (note.body() != null && !note.body().isBlank()) {
                    md.append(Markdown.toSafeMarkdown(note.body().strip())).append("\n\n");
                }
            }
        }
        return md.toString();
    }

    /** The heading's last words: the thread's state, none for a bare highlight. */
    private static String state(ThreadState state) {
        return switch (state) {
            case NONE -> "";
            case GONE -> " — deleted";
            default -> " — " + state.term();
        };
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone)) + " " + zone.getId();
    }
}
