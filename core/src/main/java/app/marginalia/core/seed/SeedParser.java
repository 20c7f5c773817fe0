package app.marginalia.core.seed;

import app.marginalia.core.paper.CanonicalText;
import app.marginalia.core.paper.PaperLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the seed documents in their three layouts (see {@code seeds/README.md}):
 * <ol>
 *     <li>one {@code Abstract:} line per paper;</li>
 *     <li>the same, after a first line that is a bare name: the list's owner;</li>
 *     <li>a paper-site listing of three lines per paper: header, title-and-authors, abstract.</li>
 * </ol>
 * A line that fits none of these is skipped with its reason; parsing never stops early, so
 * one bad line cannot lose another paper.
 */
public final class SeedParser {

    static final String ABSTRACT_PREFIX = "Abstract:";
    /** A list owner's name: letters, spaces and name punctuation, short, no sentence. */
    private static final Pattern OWNER = Pattern.compile("\\p{L}[\\p{L}\\p{M} .'’-]{0,79}");
    private static final int MIN_ABSTRACT_LENGTH = 20;

    private SeedParser() {
    }

    public static SeedDocument parse(String file, String content) {
        String[] lines = CanonicalText.of(content).split("\n", -1);
        int first = firstNonBlank(lines, 0);
        if (first < 0) {
            return new SeedDocument(file, null, List.of(), List.of(new SeedProblem(file, 1, "the file is empty")),
                    List.of());
        }
        String firstLine = lines[first].strip();
        if (firstLine.startsWith(ABSTRACT_PREFIX)) {
            return parseAbstracts(file, lines, null, first);
        }
        if (ListingHeader.parse(firstLine).isPresent()) {
            return parseListing(file, lines, first);
        }
        int second = firstNonBlank(lines, first + 1);
        if (OWNER.matcher(firstLine).matches() && second >= 0 && lines[second].strip().startsWith(ABSTRACT_PREFIX)) {
            return parseAbstracts(file, lines, firstLine, second);
        }
        return new SeedDocument(file, null, List.of(), List.of(new SeedProblem(file, first + 1,
                "unrecognised layout: the file starts with neither 'Abstract:', a list owner's name, "
                        + "nor a listing header such as 'LGSep 21, 2022'")), List.of());
    }

    private static SeedDocument parseAbstracts(String file, String[] lines, String owner, int from) {
        String list = owner != null ? owner : file;
        List<SeedEntry> entries = new ArrayList<>();
        List<SeedProblem> skipped = new ArrayList<>();
        for (int i = from; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith(ABSTRACT_PREFIX)) {
                skipped.add(new SeedProblem(file, i + 1, "expected a line starting with 'Abstract:'"));
                continue;
            }
            String abstractText = line.substring(ABSTRACT_PREFIX.length()).strip();
            Optional<String> problem = abstractProblem(abstractText);
            if (problem.isPresent()) {
                skipped.add(new SeedProblem(file, i + 1, problem.get()));
                continue;
            }
            entries.add(SeedEntry.untitled(file, i + 1, list, abstractText));
        }
        return new SeedDocument(file, owner, entries, skipped, List.of());
    }

    private static SeedDocument parseListing(String file, String[] lines, int from) {
        List<SeedEntry> entries = new ArrayList<>();
        List<SeedProblem> skipped = new ArrayList<>();
        List<SeedProblem> warnings = new ArrayList<>();
        int i = from;
        while (i < lines.length) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                i++;
                continue;
            }
            Optional<ListingHeader> header = ListingHeader.parse(line);
            if (header.isEmpty()) {
                skipped.add(new SeedProblem(file, i + 1,
                        "expected a listing header (optional score, category, date) such as 'LGSep 21, 2022'"));
                i++;
                continue;
            }
            String byline = i + 1 < lines.length ? lines[i + 1].strip() : "";
            String abstractText = i + 2 < lines.length ? lines[i + 2].strip() : "";
            if (byline.isEmpty() || ListingHeader.parse(byline).isPresent()) {
                skipped.add(new SeedProblem(file, i + 1, "listing entry has no title line after its header"));
                i++;
                continue;
            }
            Optional<String> problem = ListingHeader.parse(abstractText).isPresent()
                    ? Optional.of("listing entry has no abstract after its title line")
                    : abstractProblem(abstractText);
            if (problem.isPresent()) {
                skipped.add(new SeedProblem(file, i + 1, problem.get()));
                i += 2;
                continue;
            }
            entries.add(entry(file, i + 1, header.get(), byline, abstractText, warnings));
            i += 3;
        }
        return new SeedDocument(file, null, entries, skipped, warnings);
    }

    private static SeedEntry entry(String file, int line, ListingHeader header, String byline, String abstractText,
                                   List<SeedProblem> warnings) {
        Optional<Byline> split = TitleAuthorSplitter.split(byline);
        if (split.isEmpty()) {
            // Keep the paper: a title that still carries its authors is better than no paper.
            warnings.add(new SeedProblem(file, line + 1,
                    "could not tell the title from the authors; kept the whole line as the title"));
        }
        Byline b = split.orElse(new Byline(byline, List.of(), false, List.of()));
        return new SeedEntry(file, line, file, truncate(b.title(), PaperLimits.TITLE_MAX), b.authors(),
                b.authorsTruncated(), b.organisations(), header.category(), header.date(), header.score(),
                abstractText);
    }

    private static Optional<String> abstractProblem(String abstractText) {
        if (abstractText.isEmpty()) {
            return Optional.of("the abstract is empty");
        }
        if (abstractText.length() < MIN_ABSTRACT_LENGTH) {
            return Optional.of("the abstract is shorter than " + MIN_ABSTRACT_LENGTH + " characters");
        }
        if (abstractText.length() > PaperLimits.ABSTRACT_MAX) {
            return Optional.of("the abstract is longer than " + PaperLimits.ABSTRACT_MAX + " characters");
        }
        return Optional.empty();
    }

    private static int firstNonBlank(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
