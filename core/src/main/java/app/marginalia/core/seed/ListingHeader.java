package app.marginalia.core.seed;

import app.marginalia.core.paper.Category;
import app.marginalia.core.paper.PartialDate;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line of a paper-site listing entry: an optional score, a two-letter arXiv
 * category and a date, run together with no separators ({@code 99.8AIMay 28},
 * {@code LGSep 21, 2022}).
 */
public record ListingHeader(BigDecimal score, String category, PartialDate date) {

    private static final Pattern HEADER = Pattern.compile(
            "(?<score>\\d{1,3}(?:\\.\\d{1,2})?)?(?<category>[A-Z]{2})"
                    + "(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2}(?:, \\d{4})?)");

    public static Optional<ListingHeader> parse(String line) {
        Matcher m = HEADER.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<PartialDate> date = PartialDate.parse(m.group("date"));
        if (date.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal score = m.group("score") == null ? null : new BigDecimal(m.group("score"));
        return Optional.of(new ListingHeader(score, Category.code(m.group("category")), date.get()));
    }
}
