package app.marginalia.core.paper;

import app.marginalia.core.document.Document;
import app.marginalia.core.document.StructuredText;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A paper as a member types it in: raw strings, canonicalised here. {@link #problems()} lists
 * every rule the draft breaks; an empty list means it may be saved.
 */
public record PaperDraft(String title, String authors, String abstractText, String fullText, String date,
                         String link) {

    public static final int MAX_AUTHORS = 200;

    public PaperDraft {
        title = CanonicalText.singleLine(title);
        authors = CanonicalText.of(authors);
        abstractText = CanonicalText.of(abstractText);
        fullText = CanonicalText.of(fullText);
        date = CanonicalText.singleLine(date);
        link = CanonicalText.singleLine(link);
    }

    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "Give the paper a title."));
        } else if (title.length() > PaperLimits.TITLE_MAX) {
            problems.add(new FieldProblem("title", "The title is longer than " + PaperLimits.TITLE_MAX + " characters."));
        }
        if (String.join("\n", authorList()).length() > PaperLimits.AUTHORS_MAX || authorList().size() > MAX_AUTHORS) {
            problems.add(new FieldProblem("authors", "The author list is longer than " + PaperLimits.AUTHORS_MAX
                    + " characters or " + MAX_AUTHORS + " names."));
        }
        if (abstractText.length() > PaperLimits.ABSTRACT_MAX) {
            problems.add(new FieldProblem("abstractText",
                    "The abstract is longer than " + PaperLimits.ABSTRACT_MAX + " characters."));
        }
        if (fullText.length() > PaperLimits.FULL_TEXT_MAX) {
            problems.add(new FieldProblem("fullText",
                    "The full text is longer than " + PaperLimits.FULL_TEXT_MAX + " characters."));
        }
        if (!date.isEmpty() && publishedDate().isEmpty()) {
            problems.add(new FieldProblem("date",
                    "Write the date as 2024-03-14, Mar 14, 2024, or just the year (2024)."));
        }
        if (!link.isEmpty() && !isWebLink(link)) {
            problems.add(new FieldProblem("link", "The link must be an http:// or https:// address of at most "
                    + PaperLimits.LINK_MAX + " characters."));
        }
        return problems;
    }

    /** Authors one per line, or separated by commas or semicolons. */
    public List<String> authorList() {
        return Arrays.stream(authors.split("[\\n;,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Optional<PartialDate> publishedDate() {
        return date.isEmpty() ? Optional.empty() : PartialDate.parse(date);
    }

    /**
     * The paper version as one document: the abstract first, then the body typed in the "Full text"
     * field in {@link StructuredText}'s source form (a repeated "Abstract" heading and abstract dropped).
     */
    public Document document() {
        return Document.withAbstract(abstractText, StructuredText.parse(fullText));
    }

    /** The text the reader shows and notes anchor to: {@link #document()}'s canonical text. */
    public String readingText() {
        return document().text();
    }

    /**
     * What identifies the paper for de-duplication: its abstract, or its text when it has none, or
     * (a paper listed before its text is added, as from a bibliography) its title.
     */
    public String fingerprint() {
        if (abstractText.isEmpty() && fullText.isEmpty()) {
            return Fingerprint.of("title " + title);
        }
        return Fingerprint.of(abstractText.isEmpty() ? fullText : abstractText);
    }

    /** Whether the paper has any text yet; without one it is listed, and its text is added later. */
    public boolean hasText() {
        return !abstractText.isEmpty() || !fullText.isEmpty();
    }

    private static boolean isWebLink(String link) {
        if (link.length() > PaperLimits.LINK_MAX) {
            return false;
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
