package app.marginalia.core.seed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Separates a listing line in which the title runs straight into the authors
 * ({@code Toy Models of SuperpositionNelson Elhage, Tristan Hume et al. · openai}).
 *
 * <p>The split must fall where an upper-case letter follows a non-space character, and what
 * follows must read as a list of personal names. Titles contain such places too
 * ({@code MobileViT}, {@code DeepSeek}, {@code LaTeX}, {@code Constitutional AISandipan}), so
 * every candidate is scored by how much its author list looks like people's names: each
 * name part with capitals inside it ({@code EvaluationsEthan}), a first author of one word,
 * and a first word that is not a plain capitalised name cost a point. The cheapest candidate
 * wins, the earliest on a tie; a corporate first author such as {@code OpenAI} is expensive
 * everywhere, so the earliest place still finds it.
 */
public final class TitleAuthorSplitter {

    static final String ORGANISATION_SEPARATOR = " · ";
    private static final int MAX_NAME_PARTS = 5;
    private static final Pattern PLAIN_NAME = Pattern.compile(
            "(?:Mc|Mac|O'|O’|D'|D’)?\\p{Lu}\\p{Ll}[\\p{Ll}\\p{M}]*(?:[-'’]\\p{Lu}?\\p{Ll}[\\p{Ll}\\p{M}]*)*");
    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}\\.(?:-\\p{Lu}\\.)?");
    private static final Pattern OTHER_NAME = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?");
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "da",
            "di", "du", "la", "le", "bin", "ibn", "al", "dos", "das", "ter", "zu", "y");
    private static final Set<String> SUFFIXES = Set.of("Jr.", "Sr.", "II", "III", "IV");
    private static final Pattern ET_AL = Pattern.compile(",?\\s+et\\s+al\\.?$");

    private TitleAuthorSplitter() {
    }

    /** The best split, or empty when no place in the line is followed by a list of names. */
    public static Optional<Byline> split(String line) {
        String text = line.strip();
        String organisationPart = "";
        int dot = text.lastIndexOf(ORGANISATION_SEPARATOR);
        if (dot > 0) {
            organisationPart = text.substring(dot + ORGANISATION_SEPARATOR.length());
            text = text.substring(0, dot).strip();
        }
        Candidate best = null;
        for (int i = 1; i < text.length(); i++) {
            char previous = text.charAt(i - 1);
            // A hyphen joins words inside a title (Model-Written); names never start after one.
            if (!Character.isUpperCase(text.charAt(i)) || Character.isWhitespace(previous) || previous == '-') {
                continue;
            }
            Candidate candidate = score(text.substring(0, i).strip(), text.substring(i));
            if (candidate != null && (best == null || candidate.cost < best.cost)) {
                best = candidate;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new Byline(best.title, best.authors, best.truncated, organisations(organisationPart)));
    }

    private static Candidate score(String title, String authorText) {
        if (title.length() < 2) {
            return null;
        }
        boolean truncated = ET_AL.matcher(authorText).find();
        String names = ET_AL.matcher(authorText).replaceFirst("");
        List<String> authors = Arrays.stream(names.split(",\\s*(?:and\\s+)?|\\s+and\\s+"))
                .map(String::strip).toList();
        int cost = 0;
        for (int a = 0; a < authors.size(); a++) {
            String[] parts = authors.get(a).split(" ");
            int nameCost = nameCost(parts, a == 0);
            if (nameCost < 0) {
                return null;
            }
            cost += nameCost;
        }
        return new Candidate(title, authors, truncated, cost);
    }

    /** What a name costs, or -1 when it is no name at all. */
    private static int nameCost(String[] parts, boolean firstAuthor) {
        if (parts.length == 0 || parts.length > MAX_NAME_PARTS || parts[0].isEmpty()) {
            return -1;
        }
        int cost = 0;
        boolean hasName = false;
        for (String part : parts) {
            if (PLAIN_NAME.matcher(part).matches() || INITIAL.matcher(part).matches()) {
                hasName = true;
            } else if (PARTICLES.contains(part) || SUFFIXES.contains(part)) {
                continue;
            } else if (OTHER_NAME.matcher(part).matches()) {
                hasName = true;
                cost++;
            } else {
                return -1;
            }
        }
        if (!hasName) {
            return -1;
        }
        if (firstAuthor) {
            if (parts.length == 1) {
                cost += 2;
            }
            if (!PLAIN_NAME.matcher(parts[0]).matches() && !INITIAL.matcher(parts[0]).matches()) {
                cost++;
            }
        }
        return cost;
    }

    private static List<String> organisations(String text) {
        List<String> result = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }

    private record Candidate(String title, List<String> authors, boolean truncated, int cost) {
    }
}
