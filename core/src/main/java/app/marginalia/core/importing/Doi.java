package app.marginalia.core.importing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Digital Object Identifier in lower case without resolver prefix ({@code 10.1145/3442188.3445922}).
 * DOIs are case-insensitive, so lower case makes the same DOI compare equal however it was typed.
 */
public record Doi(String value) {

    /** The database column holds 255 characters. */
    static final int MAX_LENGTH = 255;
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern PREFIX = Pattern.compile(
            "(?i)^(?:doi:\\s*|(?:https?://)?(?:dx\\.)?doi\\.org/)");

    public Doi {
        if (value == null || !DOI.matcher(value).matches() || value.length() > MAX_LENGTH
                || !value.equals(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a normalised DOI: " + value);
        }
    }

    /** The DOI as typed ({@code 10.…}, {@code doi:10.…}, {@code https://doi.org/10.…}); INVALID says why not. */
    public static Doi parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw ImportProblem.invalid("Enter a DOI such as 10.1145/3442188.3445922, or its https://doi.org/ address.");
        }
        if (text.length() > MAX_LENGTH + 40) {
            throw ImportProblem.invalid("That is too long to be a DOI.");
        }
        boolean address = PREFIX.matcher(text).find() && text.toLowerCase(Locale.ROOT).contains("doi.org/");
        String candidate = PREFIX.matcher(text).replaceFirst("").strip();
        if (address) {
            // An address may carry the DOI percent-encoded (10.1000%2F182) and a query or fragment.
            candidate = candidate.replaceFirst("[?#].*$", "");
            try {
                candidate = URLDecoder.decode(candidate.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ImportProblem.invalid("That doi.org address is not valid.");
            }
        }
        // Copied from running text, a DOI often brings the sentence's full stop or comma along.
        candidate = candidate.replaceFirst("[.,;]+$", "").toLowerCase(Locale.ROOT);
        if (!DOI.matcher(candidate).matches() || candidate.length() > MAX_LENGTH) {
            throw ImportProblem.invalid("\u201c" + (text.length() > 60 ? text.substring(0, 60) + "\u2026" : text)
                    + "\u201d is not a DOI: they start with 10. followed by digits, a slash and a suffix, "
                    + "such as 10.1145/3442188.3445922.");
        }
        return new Doi(candidate);
    }

    /** The DOI's resolver address, the link a paper imported by DOI keeps when the record gives none. */
    public String url() {
        return "https://doi.org/" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
