package app.marginalia.core.document;

import app.marginalia.core.paper.CanonicalText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paper version's text as one document: the abstract first, then the body as headings,
 * paragraphs, captions, equations, footnotes and references. It is still ONE canonical text
 * ({@link CanonicalText}) with code-point offsets, so selectors and re-anchoring are unchanged;
 * the structure is a kind per paragraph, stored beside the text ({@link #structure()}).
 */
public final class Document {

    private static final Pattern TOKEN = Pattern.compile("([A-Z])([1-3])?(?:\\*(\\d{1,8}))?");

    private final String text;
    private final List<Block> blocks;

    private Document(String text, List<Block> blocks) {
        this.text = text;
        this.blocks = List.copyOf(blocks);
    }

    /**
     * The document stored as {@code text} with {@code structure}. Text without a structure, or
     * with one that does not fit its paragraphs (written before the structure existed), is read
     * as blocks of {@code fallback}.
     */
    public static Document of(String text, String structure, BlockKind fallback) {
        List<CanonicalText.Paragraph> paragraphs = CanonicalText.paragraphs(text);
        List<Block> blocks = new ArrayList<>(paragraphs.size());
        List<int[]> kinds = decode(structure);
        boolean fits = kinds != null && kinds.size() == paragraphs.size();
        for (int i = 0; i < paragraphs.size(); i++) {
            CanonicalText.Paragraph p = paragraphs.get(i);
            BlockKind kind = fits ? BlockKind.values()[kinds.get(i)[0]] : fallback;
            int level = fits ? kinds.get(i)[1] : 0;
            blocks.add(new Block(kind, level, p.start(), p.end(), p.text()));
        }
        return new Document(text, blocks);
    }

    /** Lays parts out as one canonical text, a blank line between blocks. Empty parts are dropped. */
    public static Document compose(List<Part> parts) {
        StringBuilder text = new StringBuilder();
        List<Block> blocks = new ArrayList<>();
        int position = 0;
        for (Part part : parts) {
            String canonical = CanonicalText.of(part.text());
            for (CanonicalText.Paragraph p : CanonicalText.paragraphs(canonical)) {
                String body = part.kind() == BlockKind.HEADING ? p.text().replace('\n', ' ') : p.text();
                if (!blocks.isEmpty()) {
                    text.append("\n\n");
                    position += 2;
                }
                int length = CanonicalText.length(body);
                blocks.add(new Block(part.kind(), part.level(), position, position + length, body));
                text.append(body);
                position += length;
            }
        }
        return new Document(text.toString(), blocks);
    }

    /**
     * The abstract as the document's first part, then the body. A body that opens with its own
     * "Abstract" heading and the same abstract (as when a whole paper is pasted) does not repeat it.
     */
    public static Document withAbstract(String abstractText, List<Part> body) {
        List<Part> parts = new ArrayList<>();
        String abstractCanonical = CanonicalText.of(abstractText);
        List<Part> rest = body;
        if (abstractCanonical.isEmpty()) {
            // No abstract of its own: a body that opens with an "Abstract" heading gives it one.
            int end = abstractEnd(body);
            if (end > 1) {
                body.subList(1, end).forEach(p -> parts.add(Part.of(BlockKind.ABSTRACT, p.text())));
                rest = body.subList(end, body.size());
            }
        } else {
            parts.add(Part.of(BlockKind.ABSTRACT, abstractCanonical));
            rest = withoutRepeatedAbstract(abstractCanonical, body);
        }
        parts.addAll(rest);
        return compose(parts);
    }

    /** After an opening "Abstract" heading, the index of the first heading or the end; 0 without one. */
    private static int abstractEnd(List<Part> body) {
        if (body.isEmpty() || !isAbstractHeading(body.get(0).text())) {
            return 0;
        }
        int end = 1;
        while (end < body.size() && body.get(end).kind() == BlockKind.PARAGRAPH) {
            end++;
        }
        return end;
    }

    private static List<Part> withoutRepeatedAbstract(String abstractText, List<Part> body) {
        if (body.isEmpty() || !isAbstractHeading(body.get(0).text())) {
            return body;
        }
        String squeezedAbstract = squeeze(abstractText);
        StringBuilder following = new StringBuilder();
        for (int i = 1; i < body.size(); i++) {
            if (body.get(i).kind() == BlockKind.HEADING) {
                break;
            }
            following.append(body.get(i).text()).append(' ');
            if (squeeze(following.toString()).equals(squeezedAbstract)) {
                return body.subList(i + 1, body.size());
            }
        }
        // An "Abstract" heading over a different abstract: keep what the member wrote.
        return body;
    }

    private static boolean isAbstractHeading(String text) {
        return text.strip().replaceAll("[.:]$", "").equalsIgnoreCase("abstract");
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    public String text() {
        return text;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public int length() {
        return CanonicalText.length(text);
    }

    /** The abstract: the leading {@link BlockKind#ABSTRACT} blocks, a blank line between them. */
    public String abstractText() {
        List<String> parts = new ArrayList<>();
        for (Block b : blocks) {
            if (b.kind() != BlockKind.ABSTRACT) {
                break;
            }
            parts.add(b.text());
        }
        return String.join("\n\n", parts);
    }

    /** Every block after the abstract, as parts that {@link #withAbstract} lays out again identically. */
    public List<Part> body() {
        List<Part> parts = new ArrayList<>();
        boolean inAbstract = true;
        for (Block b : blocks) {
            if (inAbstract && b.kind() == BlockKind.ABSTRACT) {
                continue;
            }
            inAbstract = false;
            parts.add(new Part(b.kind(), b.level(), b.text()));
        }
        return parts;
    }

    /** Whether there is anything beyond the abstract. */
    public boolean hasBody() {
        return blocks.stream().anyMatch(b -> b.kind() != BlockKind.ABSTRACT);
    }

    public List<Block> headings() {
        return blocks.stream().filter(Block::heading).toList();
    }

    /**
     * The structure as stored: one token per run of blocks of the same kind and level, a kind's
     * code, a heading's level, and {@code *n} for a run of n; e.g. {@code "A*2 H1 P*3 C H1 R*12"}.
     */
    public String structure() {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < blocks.size()) {
            Block b = blocks.get(i);
            int run = 1;
            while (i + run < blocks.size() && blocks.get(i + run).kind() == b.kind()
                    && blocks.get(i + run).level() == b.level()) {
                run++;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(b.kind().code());
            if (b.heading()) {
                out.append(b.level());
            }
            if (run > 1) {
                out.append('*').append(run);
            }
            i += run;
        }
        return out.toString();
    }

    /** (kind ordinal, level) per block, or null when the structure cannot be read. */
    private static List<int[]> decode(String structure) {
        if (structure == null || structure.isBlank()) {
            return null;
        }
        List<int[]> kinds = new ArrayList<>();
        for (String token : structure.strip().split(" +")) {
            Matcher m = TOKEN.matcher(token);
            if (!m.matches()) {
                return null;
            }
            BlockKind kind;
            try {
                kind = BlockKind.ofCode(m.group(1).charAt(0));
            } catch (IllegalArgumentException e) {
                return null;
            }
            int level = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            int run = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            if (run < 1 || kinds.size() + run > 10_000_000) {
                return null;
            }
            for (int r = 0; r < run; r++) {
                kinds.add(new int[] {kind.ordinal(), level});
            }
        }
        return kinds;
    }

    @Override
    public String toString() {
        return "Document[" + structure().toLowerCase(Locale.ROOT) + ", " + length() + " characters]";
    }
}
