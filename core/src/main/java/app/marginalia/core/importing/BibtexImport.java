package app.marginalia.core.importing;

import app.marginalia.core.paper.PartialDate;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ParseException;
import org.jbibtex.Value;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a BibTeX file into papers, entry by entry. jbibtex stops at the first syntax error, so
 * the file is first cut into entries here (an {@code @type{…}} with balanced braces, or up to
 * the next line starting with {@code @type{} when a brace is missing) and each entry is parsed
 * on its own: a bad entry is reported with its line and the others still import.
 * {@code @string} macros apply to the entries after them, as in BibTeX.
 */
public final class BibtexImport {

    /** The largest file read: about ten thousand typical entries' worth. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The most entries one file may hold; larger bibliographies are imported in parts. */
    public static final int MAX_ENTRIES = 2_000;

    /** A paper read from the entry starting at {@code line}. */
    public record Entry(int line, String key, ImportedPaper paper) {
    }

    /** An entry that was not read, and why, in words for the report. */
    public record Problem(int line, String key, String reason) {
    }

    public record Result(List<Entry> entries, List<Problem> problems) {
        public Result {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    private record Chunk(int line, String type, String text, String unclosed) {
    }

    private BibtexImport() {
    }

    /** Reads a file as uploaded: UTF-8, or Latin-1 when it is not valid UTF-8 (older .bib files). */
    public static Result parse(byte[] file) {
        if (file.length > MAX_BYTES) {
            throw new ImportProblem(ImportProblem.Kind.TOO_LARGE, "The file is larger than "
                    + MAX_BYTES / (1024 * 1024) + " MB. Split the bibliography into smaller files.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            text = new String(file, StandardCharsets.ISO_8859_1);
        }
        if (text.indexOf('\0') >= 0) {
            throw new ImportProblem(ImportProblem.Kind.UNREADABLE, "This is not a BibTeX file: it is not text.");
        }
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    public static Result parse(String text) {
        List<Chunk> chunks = split(text.replace("\r\n", "\n").replace('\r', '\n'));
        long count = chunks.stream().filter(c -> !isDirective(c.type())).count();
        if (count > MAX_ENTRIES) {
            throw new ImportProblem(ImportProblem.Kind.TOO_LARGE, "The file has " + count + " entries; at most "
                    + MAX_ENTRIES + " are imported at once. Split the bibliography into smaller files.");
        }
        if (count == 0 && chunks.isEmpty()) {
            throw new ImportProblem(ImportProblem.Kind.UNREADABLE,
                    "The file has no BibTeX entries (an entry starts with @article{, @inproceedings{, @misc{ …).");
        }
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> macros = new HashMap<>();
        for (Chunk chunk : chunks) {
            if (chunk.unclosed() != null) {
                problems.add(new Problem(chunk.line(), keyOf(chunk.text()), chunk.unclosed()));
                continue;
            }
            if (chunk.type().equals("comment") || chunk.type().equals("preamble")) {
                continue;
            }
            try {
                BibTeXDatabase db = parser(macros).parse(new StringReader(chunk.text()));
                if (chunk.type().equals("string")) {
                    for (BibTeXString s : db.getStrings().values()) {
                        macros.put(s.getKey().getValue(), s.getValue().toUserString());
                    }
                    continue;
                }
                BibTeXEntry entry = db.getEntries().values().stream().findFirst().orElse(null);
                if (entry == null) {
                    problems.add(new Problem(chunk.line(), keyOf(chunk.text()), "the entry could not be read"));
                    continue;
                }
                read(chunk.line(), entry).ifPresentOrElse(entries::add, () -> problems.add(missing(chunk.line(), entry)));
            } catch (ParseException e) {
                int line = e.currentToken == null || e.currentToken.next == null ? chunk.line()
                        : chunk.line() + e.currentToken.next.beginLine - 1;
                String near = e.currentToken == null || e.currentToken.next == null ? ""
                        : " near \u201c" + abbreviate(e.currentToken.next.image) + "\u201d";
                problems.add(new Problem(line, keyOf(chunk.text()), "syntax error" + near
                        + " (fields look like name = {value}, separated by commas)"));
            } catch (RuntimeException e) {
                problems.add(new Problem(chunk.line(), keyOf(chunk.text()),
                        "the entry could not be read (a stray character or an undefined @string macro)"));
            }
        }
        return new Result(entries, problems);
    }

    private static boolean isDirective(String type) {
        return type.equals("comment") || type.equals("preamble") || type.equals("string");
    }

    private static BibTeXParser parser(Map<String, String> macros) {
        try {
            BibTeXParser parser = new BibTeXParser() {
                @Override
                public void checkStringResolution(Key key, BibTeXString string) {
                    // An undefined macro is reported when its field is read, not as a parse failure.
                }

                @Override
                public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
                    // Entries are parsed one at a time; a crossref target is in another entry.
                }
            };
            macros.forEach(parser::addMacro);
            return parser;
        } catch (ParseException e) {
            throw new IllegalStateException("jbibtex could not create a parser", e);
        }
    }

    /** Cuts the file into entries; text between entries is a comment in BibTeX. */
    private static List<Chunk> split(String text) {
        List<Chunk> chunks = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c != '@') {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && (Character.isLetter(text.charAt(j)))) {
                j++;
            }
            String type = text.substring(i + 1, j).toLowerCase(Locale.ROOT);
            int k = j;
            while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                k++;
            }
            if (type.isEmpty() || k >= n || (text.charAt(k) != '{' && text.charAt(k) != '(')) {
                i++;
                continue;
            }
            int start = i;
            int startLine = line;
            boolean paren = text.charAt(k) == '(';
            int depth = 0;
            int p = k;
            int end = -1;
            int lines = line;
            String unclosed = null;
            for (; p < n; p++) {
                char ch = text.charAt(p);
                if (ch == '\n') {
                    lines++;
                    if (depth > 0 && startsEntry(text, p + 1)) {
                        unclosed = "the entry is not closed: a \u201c" + (paren ? ")" : "}")
                                + "\u201d is missing before line " + lines;
                        end = p;
                        break;
                    }
                } else if (ch == '{' || (paren && ch == '(' && p == k)) {
                    depth++;
                } else if (ch == '}' && !(paren && depth == 1)) {
                    depth--;
                    if (depth == 0 && !paren) {
                        end = p + 1;
                        break;
                    }
                } else if (paren && ch == ')' && depth == 1) {
                    end = p + 1;
                    break;
                }
            }
            if (end < 0) {
                unclosed = "the entry is not closed: a \u201c" + (paren ? ")" : "}") + "\u201d is missing at the end of the file";
                end = n;
            }
            String chunk = text.substring(start, end);
            chunks.add(new Chunk(startLine, type, chunk, unclosed));
            line = startLine + (int) chunk.chars().filter(ch -> ch == '\n').count();
            i = end;
        }
        return chunks;
    }

    /** Whether a line (from {@code pos}) opens an entry: {@code @type{} at its start. */
    private static boolean startsEntry(String text, int pos) {
        int i = pos;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '@') {
            return false;
        }
        int j = i + 1;
        while (j < text.length() && Character.isLetter(text.charAt(j))) {
            j++;
        }
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
        }
        return j > i + 1 && j < text.length() && (text.charAt(j) == '{' || text.charAt(j) == '(');
    }

    /** The citation key of an entry's text, for the report; empty when there is none to see. */
    private static String keyOf(String chunk) {
        int open = chunk.indexOf('{') >= 0 ? chunk.indexOf('{') : chunk.indexOf('(');
        if (open < 0) {
            return "";
        }
        int comma = chunk.indexOf(',', open);
        int newline = chunk.indexOf('\n', open);
        int stop = comma < 0 ? newline : newline < 0 ? comma : Math.min(comma, newline);
        String key = (stop < 0 ? chunk.substring(open + 1) : chunk.substring(open + 1, stop)).strip();
        return key.contains("=") || key.length() > 100 ? "" : key;
    }

    private static Problem missing(int line, BibTeXEntry entry) {
        String key = entry.getKey() == null ? "" : entry.getKey().getValue();
        String title = field(entry, "title");
        return new Problem(line, key, "the entry has no title");
    }

    /**
     * The paper of an entry, or empty when it lacks a title. An entry without an abstract (most
     * bibliographies have none) becomes a paper listed without text, whose text is added later.
     */
    private static Optional<Entry> read(int line, BibTeXEntry entry) {
        String title = clean(latex(field(entry, "title")));
        String abstractText = clean(latex(field(entry, "abstract")));
        if (title.isEmpty()) {
            return Optional.empty();
        }
        String url = field(entry, "url").strip();
        ArxivId arxiv = arxivId(entry, url).orElse(null);
        Doi doi = doi(field(entry, "doi")).or(() -> url.contains("doi.org/") ? doi(url) : Optional.empty()).orElse(null);
        String venue = clean(latex(field(entry, "journal").isEmpty() ? field(entry, "booktitle") : field(entry, "journal")));
        String link = url.startsWith("https://") || url.startsWith("http://") ? url : null;
        ImportedPaper paper = new ImportedPaper(title, authors(field(entry, "author")), abstractText, date(entry),
                link, arxiv, doi, venue.isEmpty() ? null : venue, List.of(), null);
        return Optional.of(new Entry(line, entry.getKey() == null ? "" : entry.getKey().getValue(), paper));
    }

    /** {@code eprint} with {@code archivePrefix = arXiv}, else an id named in the url, journal or note. */
    private static Optional<ArxivId> arxivId(BibTeXEntry entry, String url) {
        String prefix = (field(entry, "archiveprefix") + field(entry, "eprinttype")).toLowerCase(Locale.ROOT);
        String eprint = field(entry, "eprint").strip();
        if (prefix.contains("arxiv") && !eprint.isEmpty()) {
            try {
                return Optional.of(ArxivId.parse(eprint));
            } catch (ImportProblem ignored) {
                // Fall through to the other places an id may be named.
            }
        }
        return ArxivId.find(String.join(" ", url, field(entry, "journal"), field(entry, "note"),
                        field(entry, "howpublished"), eprint.isEmpty() ? "" : "arXiv:" + eprint))
                .map(id -> new ArxivId(id.id(), id.version()));
    }

    private static Optional<Doi> doi(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Doi.parse(text));
        } catch (ImportProblem e) {
            return Optional.empty();
        }
    }

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private static PartialDate date(BibTeXEntry entry) {
        String date = field(entry, "date").strip();
        if (!date.isEmpty()) {
            Optional<PartialDate> parsed = PartialDate.parse(date);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        String year = field(entry, "year").strip();
        if (!year.matches("\\d{4}")) {
            return null;
        }
        String month = field(entry, "month").strip().toLowerCase(Locale.ROOT);
        Integer m = null;
        if (month.matches("\\d{1,2}") && Integer.parseInt(month) >= 1 && Integer.parseInt(month) <= 12) {
            m = Integer.valueOf(month);
        } else if (month.length() >= 3 && MONTHS.contains(month.substring(0, 3))) {
            m = MONTHS.indexOf(month.substring(0, 3)) + 1;
        }
        return new PartialDate(Integer.valueOf(year), m, null);
    }

    /**
     * BibTeX's {@code A and B and C}: each name decoded, {@code Last, First} turned round to
     * {@code First Last}, and {@code others} (BibTeX's "et al.") left out. Braces protect an
     * "and" inside a name, as in {@code {Barnes and Noble}}.
     */
    static List<String> authors(String field) {
        List<String> names = new ArrayList<>();
        for (String raw : splitTopLevel(field, " and ")) {
            List<String> parts = splitTopLevel(raw, ",");
            String name = switch (parts.size()) {
                case 1 -> parts.get(0);
                case 2 -> parts.get(1) + " " + parts.get(0);
                default -> parts.get(2) + " " + parts.get(0) + " " + parts.get(1);
            };
            String decoded = clean(latex(name));
            if (!decoded.isEmpty() && !decoded.equalsIgnoreCase("others")) {
                names.add(decoded);
            }
        }
        return names;
    }

    /** Splits at a separator outside braces, ignoring case and treating any white space as a space. */
    private static List<String> splitTopLevel(String text, String separator) {
        String flat = text.replaceAll("\\s+", " ");
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0 && flat.regionMatches(true, i, separator, 0, separator.length())) {
                parts.add(flat.substring(from, i).strip());
                from = i + separator.length();
                i = from - 1;
            }
        }
        parts.add(flat.substring(from).strip());
        return parts.stream().filter(p -> !p.isEmpty()).toList();
    }

    /** LaTeX accents and commands to Unicode, braces removed, via jbibtex's LaTeX parser and printer. */
    static String latex(String value) {
        if (value.isEmpty() || value.indexOf('\\') < 0 && value.indexOf('{') < 0 && value.indexOf('~') < 0) {
            return value;
        }
        try {
            return new LaTeXPrinter().print(new LaTeXParser().parse(value));
        } catch (ParseException | RuntimeException e) {
            // Unbalanced or unusual markup: keep the words, drop what only LaTeX reads.
            return value.replaceAll("\\\\[a-zA-Z]+\\s?|[{}\\\\]", "");
        }
    }

    private static String clean(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String field(BibTeXEntry entry, String name) {
        for (Map.Entry<Key, Value> f : entry.getFields().entrySet()) {
            if (f.getKey().getValue().equalsIgnoreCase(name)) {
                String value = f.getValue().toUserString();
                return value == null ? "" : value;
            }
        }
        return "";
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 30 ? text.substring(0, 30) + "\u2026" : text;
    }
}
