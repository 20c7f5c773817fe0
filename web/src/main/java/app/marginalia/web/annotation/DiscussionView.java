package app.marginalia.web.annotation;

import app.marginalia.core.discussion.ThreadState;

import java.util.List;

/**
 * One person's view of the discussion of one paper in one group (or of their private notes):
 * the text laid out with its highlights, and the threads for the margin.
 */
public record DiscussionView(boolean signedIn, Long groupId, String groupName, List<Option> groups,
                             boolean canAnnotate, List<Paragraph> paragraphs, List<Thread> threads, int openQuestions,
                             int answeredQuestions, int resolvedThreads, int freshNotes) {

    /** How much of a thread's quote the reader's margin repeats; the passage itself is highlighted in the text. */
    public static final int QUOTE_SHOWN = 48;

    /** A discussion the reader can switch to. */
    public record Option(long id, String name, boolean selected) {
    }

    /**
     * A block of the document (a paragraph, heading, caption, equation, footnote or reference) as
     * flat segments, each knowing its highlights. {@code kind} is the block kind in lower case,
     * {@code level} a heading's level (1–3), {@code id} the element id (a heading's is its
     * section's anchor), {@code text} the block's plain text (for the contents). {@code label} is
     * a section label shown before the block ("Abstract" before the abstract), {@code opensList}
     * and {@code closesList} mark the first and last of a run of references.
     */
    public record Paragraph(int index, int start, int end, List<Segment> segments, String kind, int level, String id,
                            String text, String label, boolean opensList, boolean closesList) {

        /** The element the block is: a heading's level under the paper's title, a list item, or a paragraph. */
        public String tag() {
            return switch (kind) {
                case "heading" -> "h" + (level + 1);
                case "reference" -> "li";
                default -> "p";
            };
        }

        /** The block's class; empty for the abstract and body paragraphs, which keep plain paragraph styling. */
        public String cssClass() {
            return switch (kind) {
                case "heading" -> "doc-heading doc-heading--" + level;
                case "caption", "equation", "footnote", "reference" -> kind;
                default -> "";
            };
        }

        public boolean heading() {
            return "heading".equals(kind);
        }

        public boolean inAbstract() {
            return "abstract".equals(kind);
        }
    }

    /**
     * A run of text. {@code thread} is the thread of its narrowest highlight; {@code anchor}
     * is set on the first segment of a highlight, where keyboard focus and the link go.
     */
    public record Segment(String text, List<Long> annotations, Long thread, String anchor, String kind) {

        public boolean highlighted() {
            return !annotations.isEmpty();
        }

        public String annotationList() {
            return String.join(" ", annotations.stream().map(String::valueOf).toList());
        }

        public boolean overlapping() {
            return annotations.size() > 1;
        }
    }

    /**
     * A thread: its root note, its replies in reading order, and where it stands ({@code state},
     * decided by {@link ThreadState}; the flags say what was done, so an answered question that
     * was resolved still shows its answer).
     */
    public record Thread(long id, Note root, List<Note> replies, String quote, Integer start, boolean resolved,
                         boolean question, boolean answered, boolean priv, boolean canResolve, boolean canShare,
                         boolean detached, boolean canReattach, int freshNotes, ThreadState state) {

        /** A question still waiting for an answer: not answered, not resolved. */
        public boolean open() {
            return state == ThreadState.OPEN;
        }

        /** The quote as the margin shows it: its first {@value #QUOTE_SHOWN} characters (the text shows it whole). */
        public String shortQuote() {
            if (quote == null || quote.codePointCount(0, quote.length()) <= QUOTE_SHOWN) {
                return quote;
            }
            return quote.substring(0, quote.offsetByCodePoints(0, QUOTE_SHOWN - 1)).stripTrailing() + "…";
        }

        /** Others wrote in this thread since the viewer last opened the paper in this group. */
        public boolean fresh() {
            return freshNotes > 0;
        }
    }

    /** The document's headings, for its table of contents. */
    public List<Paragraph> headings() {
        return paragraphs.stream().filter(Paragraph::heading).toList();
    }

    /** Long papers get a table of contents: three headings or more. */
    public boolean hasContents() {
        return headings().size() >= 3;
    }

    /** The text's blocks with their highlights, as markup ({@link ReaderMarkup}). */
    public String textHtml() {
        return ReaderMarkup.text(paragraphs);
    }

    /** The margin's threads on a passage or the whole paper, compact, as markup ({@link ReaderMarkup}). */
    public String marginHtml() {
        return ReaderMarkup.threads(anchoredThreads());
    }

    /** The threads still on a passage or on the whole paper. */
    public List<Thread> anchoredThreads() {
        return threads.stream().filter(t -> !t.detached()).toList();
    }

    /** Threads whose passage an edit of the text removed: shown apart, never on a guessed passage. */
    public List<Thread> detachedThreads() {
        return threads.stream().filter(Thread::detached).toList();
    }

    /** One note as one viewer sees it, with the controls that will work for them. */
    public record Note(long id, long threadId, int depth, String author, String motivation, String bodyHtml,
                       String body, List<String> tags, String created, String iso, boolean edited, boolean deleted,
                       long version, boolean canEdit, boolean canDelete, boolean canReply, boolean canReact,
                       boolean isAnswer, boolean canAccept, List<Reaction> reactions) {

        /** Someone reacted to this note: the margin shows the counts. */
        public boolean reacted() {
            return reactions.stream().anyMatch(r -> r.count() > 0);
        }
    }

    /** A reaction kind with its count and whether the viewer gave it. */
    public record Reaction(String kind, String symbol, String label, long count, boolean mine) {
    }
}
