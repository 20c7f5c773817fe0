package app.marginalia.web.annotation;

import java.util.List;

/**
 * The two parts of the reader that grow with the discussion, written straight into one buffer:
 * the text with its highlights, and the margin's threads. A paper with 1,000 notes has some
 * 2,000 highlight segments and 1,300 notes; a template spends most of a page view resolving their
 * expressions one by one, so these loops are plain Java, and the markup
 * is kept compact (no indentation, no forms: a thread's controls are on its own page, which
 * notes.js opens in place). Everything taken from a member or a paper is escaped here; note
 * bodies are the sanitised HTML stored with the note. The structure is the one the templates
 * wrote before (tags/thread.html is still the full card), so scripts and styles find the same
 * classes and ids.
 */
public final class ReaderMarkup {

    private ReaderMarkup() {
    }

    /** The document's blocks with their highlights, as the reader's text section holds them. */
    public static String text(List<DiscussionView.Paragraph> paragraphs) {
        StringBuilder out = new StringBuilder(paragraphs.size() * 900);
        for (DiscussionView.Paragraph p : paragraphs) {
            if (p.label() != null) {
                out.append("<h2 class=\"section-label\" id=\"").append(p.inAbstract() ? "abstract-title" : "text-title")
                        .append("\">");
                escape(out, p.label()).append("</h2>\n");
            }
            if (p.opensList()) {
                out.append("<ol class=\"references\">");
            }
            String tag = p.tag();
            out.append('<').append(tag).append(" id=\"");
            escape(out, p.id()).append('"');
            if (!p.cssClass().isEmpty()) {
                out.append(" class=\"").append(p.cssClass()).append('"');
            }
            out.append(" data-start=\"").append(p.start()).append("\" data-end=\"").append(p.end()).append("\">");
            for (DiscussionView.Segment s : p.segments()) {
                if (!s.highlighted()) {
                    escape(out, s.text());
                    continue;
                }
                out.append("<mark class=\"hl hl--").append(s.kind());
                if (s.overlapping()) {
                    out.append(" hl--overlap");
                }
                out.append("\" data-annotations=\"").append(s.annotationList()).append('"');
                if (s.anchor() != null) {
                    out.append(" id=\"").append(s.anchor()).append("\"><a href=\"#annotation-")
                            .append(s.thread()).append("\">");
                    escape(out, s.text()).append("</a></mark>");
                } else {
                    out.append('>');
                    escape(out, s.text()).append("</mark>");
                }
            }
            out.append("</").append(tag).append(">\n");
            if (p.closesList()) {
                out.append("</ol>\n");
            }
        }
        return out.toString();
    }

    /**
     * How many threads, in text order, the margin writes out whole. A paper with more (a course's
     * reading, a season of a journal club) gets the rest folded to one line each — who, how many
     * replies, where it stands — which notes.js unfolds as they scroll into view, and which link to
     * the thread's own page without JavaScript. This keeps a page of 1,000 notes under 800 KB.
     */
    public static final int WHOLE_THREADS = 250;

    /** The margin's threads, compact: what was said, by whom and when, and a link to reply, react and more. */
    public static String threads(List<DiscussionView.Thread> threads) {
        StringBuilder out = new StringBuilder(Math.min(threads.size(), WHOLE_THREADS) * 700 + threads.size() * 200);
        for (int i = 0; i < threads.size(); i++) {
            if (i < WHOLE_THREADS) {
                thread(out, threads.get(i));
            } else {
                folded(out, threads.get(i));
            }
        }
        return out.toString();
    }

    /** One thread written out whole (compact), as the margin shows it; for unfolding a folded one. */
    public static String thread(DiscussionView.Thread t) {
        StringBuilder out = new StringBuilder(1024);
        thread(out, t);
        return out.toString();
    }

    private static void folded(StringBuilder out, DiscussionView.Thread t) {
        out.append("<li data-thread=\"").append(t.id()).append("\" data-start=\"")
                .append(t.start() == null ? -1 : t.start()).append("\"><article class=\"thread thread--folded");
        if (t.question()) {
            out.append(" thread--question");
        }
        if (t.fresh()) {
            out.append(" thread--new");
        }
        out.append("\" id=\"annotation-").append(t.id()).append("\" tabindex=\"-1\"><a class=\"thread__open\" href=\"/annotations/")
                .append(t.id()).append("/actions\"><strong>");
        escape(out, t.root().author()).append("</strong>");
        long replies = t.replies().size();
        if (replies > 0) {
            out.append(" · ").append(replies).append(replies == 1 ? " reply" : " replies");
        }
        if (t.fresh()) {
            out.append(" · new");
        }
        if (t.open()) {
            out.append(" · open question");
        } else if (t.resolved()) {
            out.append(" · resolved");
        } else if (t.question() && t.answered()) {
            out.append(" · answered");
        }
        if (t.priv()) {
            out.append(" · only you");
        }
        out.append(" — show</a></article></li>\n");
    }

    private static void thread(StringBuilder out, DiscussionView.Thread t) {
        out.append("<li data-thread=\"").append(t.id()).append("\" data-start=\"")
                .append(t.start() == null ? -1 : t.start()).append('"');
        out.append("><article class=\"thread");
        if (t.resolved()) {
            out.append(" thread--resolved");
        }
        if (t.question()) {
            out.append(" thread--question");
        }
        if (t.fresh()) {
            out.append(" thread--new");
        }
        out.append("\" id=\"annotation-").append(t.id()).append("\" tabindex=\"-1\">");
        int badges = out.length();
        out.append("<p class=\"thread__title\">");
        int empty = out.length();
        if (t.fresh()) {
            out.append("<span class=\"badge badge--new\">New");
            if (t.freshNotes() > 1) {
                out.append(" (").append(t.freshNotes()).append(')');
            }
            out.append("</span>");
        }
        if (t.question() && t.answered()) {
            out.append("<span class=\"badge badge--ok\">Answered</span>");
        }
        if (t.open()) {
            out.append("<span class=\"badge\">Open question</span>");
        }
        if (t.resolved()) {
            out.append("<span class=\"badge badge--ok\">Resolved</span>");
        }
        if (t.priv()) {
            out.append("<span class=\"badge badge--private\">Only you</span>");
        }
        if (out.length() == empty) {
            out.setLength(badges); // no badge: no title line
        } else {
            out.append("</p>");
        }
        out.append('\n');
        if (t.quote() != null) {
            out.append("<blockquote class=\"thread__quote\"><a href=\"#hl-").append(t.id()).append("\">");
            escape(out, t.shortQuote()).append("</a></blockquote>\n");
        } else {
            out.append("<p class=\"muted\">On the whole paper</p>\n");
        }
        note(out, t.root());
        for (DiscussionView.Note reply : t.replies()) {
            note(out, reply);
        }
        out.append("<a class=\"thread__open\" href=\"/annotations/").append(t.id())
                .append("/actions\">Reply, react…</a></article></li>\n");
    }

    private static void note(StringBuilder out, DiscussionView.Note n) {
        out.append("<div class=\"note");
        if (n.depth() > 0) {
            out.append(" note--reply note--depth-").append(n.depth());
        }
        if (n.isAnswer()) {
            out.append(" note--answer");
        }
        out.append("\" id=\"").append(n.depth() > 0 ? "annotation-" : "note-").append(n.id()).append("\">");
        if (n.deleted()) {
            out.append("<p class=\"note__tombstone\">This note was deleted.</p></div>\n");
            return;
        }
        out.append("<p class=\"note__meta\"><strong>");
        escape(out, n.author()).append("</strong> · <time datetime=\"");
        // To the minute, as the time is shown.
        escape(out, n.iso().length() > 16 ? n.iso().substring(0, 16) + "Z" : n.iso()).append("\">");
        escape(out, n.created()).append("</time>");
        if (n.edited()) {
            out.append(" · <a href=\"/annotations/").append(n.id()).append("/history\">edited</a>");
        }
        if (n.isAnswer()) {
            out.append(" · <span class=\"badge badge--ok\">Answer</span>");
        }
        if ("HIGHLIGHTING".equals(n.motivation()) && (n.body() == null || n.body().isEmpty())) {
            out.append(" · highlighted");
        }
        out.append("</p>");
        if (n.bodyHtml() != null && !n.bodyHtml().isEmpty()) {
            out.append("<div class=\"note__body\">").append(n.bodyHtml().strip()).append("</div>");
        }
        if (!n.tags().isEmpty()) {
            out.append("<p class=\"note__tags\">");
            for (String tag : n.tags()) {
                out.append("<span class=\"tag\">#");
                escape(out, tag).append("</span> ");
            }
            out.append("</p>");
        }
        if (n.reacted()) {
            out.append("<p class=\"note__reactions\">");
            for (DiscussionView.Reaction r : n.reactions()) {
                if (r.count() == 0) {
                    continue;
                }
                out.append("<span class=\"reaction-count").append(r.mine() ? " reaction-count--mine" : "")
                        .append("\" title=\"");
                escape(out, r.label()).append("\"><span aria-hidden=\"true\">");
                escape(out, r.symbol()).append("</span><span class=\"visually-hidden\">");
                escape(out, r.label()).append("</span> ").append(r.count()).append("</span> ");
            }
            out.append("</p>");
        }
        out.append("</div>\n");
    }

    /** Appends {@code s} with the five characters that matter in HTML text and attributes escaped. */
    static StringBuilder escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out;
    }
}
