package app.marginalia.web.annotation;

import app.marginalia.core.annotation.HighlightLayout;
import app.marginalia.core.document.Block;
import app.marginalia.core.document.BlockKind;
import app.marginalia.core.document.Document;
import app.marginalia.persistence.annotation.Annotation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A paper's text as the reader lays it out: its blocks, each cut into segments by the highlights on it. */
final class DocumentLayout {

    private DocumentLayout() {
    }

    /**
     * The document's blocks with their highlight segments. Every block, whatever its kind, carries
     * its offsets the same way, so a selection anywhere in the text maps to the same selectors.
     */
    static List<DiscussionView.Paragraph> of(Document document, List<HighlightLayout.Range> ranges,
                                             Map<Long, Annotation> byId) {
        String text = document.text();
        CodePoints at = new CodePoints(text);
        List<Block> blocks = document.blocks();
        List<DiscussionView.Paragraph> result = new ArrayList<>();
        Set<Long> anchored = new HashSet<>();
        Set<String> ids = new HashSet<>();
        List<List<HighlightLayout.Range>> touching = byBlock(blocks, ranges);
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            List<DiscussionView.Segment> segments = new ArrayList<>();
            for (HighlightLayout.Segment s : HighlightLayout.segments(b.start(), b.end(), touching.get(i))) {
                String piece = at.slice(s.start(), s.end());
                if (s.annotations().isEmpty()) {
                    segments.add(new DiscussionView.Segment(piece, List.of(), null, null, null));
                    continue;
                }
                long first = s.annotations().get(0);
                String anchor = anchored.add(first) ? "hl-" + first : null;
                Annotation a = byId.get(first);
                String kind = a == null ? "note" : a.motivation.name().toLowerCase(Locale.ROOT);
                segments.add(new DiscussionView.Segment(piece, s.annotations(), first, anchor, kind));
            }
            BlockKind previous = i == 0 ? null : blocks.get(i - 1).kind();
            BlockKind next = i + 1 == blocks.size() ? null : blocks.get(i + 1).kind();
            String label = null;
            if (b.kind() == BlockKind.ABSTRACT && previous == null) {
                label = "Abstract";
            } else if (b.kind() != BlockKind.ABSTRACT && !b.heading() && (previous == null || previous == BlockKind.ABSTRACT)) {
                label = "Full text"; // a body that does not open with a heading
            }
            String id = b.heading() ? sectionId(b.text(), ids) : "para-" + i;
            result.add(new DiscussionView.Paragraph(i, b.start(), b.end(), segments,
                    b.kind().name().toLowerCase(Locale.ROOT), b.level(), id, b.text(), label,
                    b.kind() == BlockKind.REFERENCE && previous != BlockKind.REFERENCE,
                    b.kind() == BlockKind.REFERENCE && next != BlockKind.REFERENCE));
        }
        return result;
    }

    /**
     * The ranges that touch each block, found by binary search over the blocks (which are in text
     * order and do not overlap): each block then looks only at its own highlights, not at all of them.
     */
    private static List<List<HighlightLayout.Range>> byBlock(List<Block> blocks, List<HighlightLayout.Range> ranges) {
        List<List<HighlightLayout.Range>> touching = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            touching.add(new ArrayList<>());
        }
        for (HighlightLayout.Range r : ranges) {
            int lo = 0;
            int hi = blocks.size();
            while (lo < hi) { // the first block ending after the range starts
                int mid = (lo + hi) >>> 1;
                if (blocks.get(mid).end() <= r.start()) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int i = lo; i < blocks.size() && blocks.get(i).start() < r.end(); i++) {
                touching.get(i).add(r);
            }
        }
        return touching;
    }

    /** Code-point offsets into a text, in constant time: the text's own indexes when it has no surrogate pairs. */
    private static final class CodePoints {
        private final String text;
        private final int[] charIndex;

        CodePoints(String text) {
            this.text = text;
            int count = text.codePointCount(0, text.length());
            if (count == text.length()) {
                this.charIndex = null;
            } else {
                this.charIndex = new int[count + 1];
                for (int cp = 0, i = 0; cp < count; cp++) {
                    charIndex[cp] = i;
                    i += Character.charCount(text.codePointAt(i));
                }
                charIndex[count] = text.length();
            }
        }

        String slice(int start, int end) {
            return charIndex == null ? text.substring(start, end) : text.substring(charIndex[start], charIndex[end]);
        }
    }

    /** A heading's anchor: "sec-" and its words, made unique within the document. */
    private static String sectionId(String heading, Set<String> taken) {
        String slug = java.text.Normalizer.normalize(heading, java.text.Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String base = "sec-" + (slug.length() > 48 ? slug.substring(0, 48).replaceAll("-$", "") : slug);
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
