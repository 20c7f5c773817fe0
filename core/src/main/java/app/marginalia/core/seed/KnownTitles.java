package app.marginalia.core.seed;

import app.marginalia.core.paper.CanonicalText;
import app.marginalia.core.paper.Fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Published titles for papers that the seed lists give untitled, keyed by the first
 * characters of the abstract ({@code known-titles.tsv}: abstract start, title, year).
 */
public final class KnownTitles {

    private final List<KnownTitle> titles;

    private KnownTitles(List<KnownTitle> titles) {
        this.titles = List.copyOf(titles);
    }

    public static KnownTitles none() {
        return new KnownTitles(List.of());
    }

    /** Parses the TSV; the header row and rows without a title are ignored. */
    public static KnownTitles parse(String tsv) {
        List<KnownTitle> titles = new ArrayList<>();
        // Split before canonicalising: canonical text turns tabs into spaces.
        String[] lines = tsv.replace("\r", "").split("\n");
        for (int i = 0; i < lines.length; i++) {
            String[] columns = lines[i].split("\t");
            if (columns.length < 2 || (i == 0 && columns[0].equals("abstract_starts_with"))) {
                continue;
            }
            String start = Fingerprint.normalise(CanonicalText.singleLine(columns[0]));
            String title = CanonicalText.singleLine(columns[1]);
            if (start.isEmpty() || title.isEmpty()) {
                continue;
            }
            Integer year = columns.length > 2 && columns[2].strip().matches("\\d{4}")
                    ? Integer.valueOf(columns[2].strip()) : null;
            titles.add(new KnownTitle(start, title, year));
        }
        return new KnownTitles(titles);
    }

    /** The title whose key the abstract starts with; the longest key wins if several do. */
    public Optional<KnownTitle> forAbstract(String abstractText) {
        String normalised = Fingerprint.normalise(abstractText);
        KnownTitle best = null;
        for (KnownTitle title : titles) {
            if (normalised.startsWith(title.abstractStart())
                    && (best == null || title.abstractStart().length() > best.abstractStart().length())) {
                best = title;
            }
        }
        return Optional.ofNullable(best);
    }

    public int size() {
        return titles.size();
    }

    /** @param abstractStart normalised as {@link Fingerprint#normalise} does */
    public record KnownTitle(String abstractStart, String title, Integer year) {
    }
}
