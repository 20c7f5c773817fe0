package app.marginalia.core.seed;

import app.marginalia.core.importing.ArxivId;
import app.marginalia.core.paper.PartialDate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One distinct paper of the seed library, its metadata merged from every entry that gave it.
 *
 * @param origins every list entry it came from, in import order
 */
public record SeedPaper(String fingerprint, String title, TitleSource titleSource, List<String> authors,
                        boolean authorsTruncated, List<String> organisations, String category, PartialDate date,
                        BigDecimal score, String abstractText, List<Origin> origins) {

    public SeedPaper {
        authors = List.copyOf(authors);
        organisations = List.copyOf(organisations);
        origins = List.copyOf(origins);
    }

    /**
     * The arXiv id the entry names ({@code arXiv:2212.08073} or an arxiv.org address in its title
     * or abstract), so a seed paper keeps it and an import by that id finds it.
     */
    public Optional<ArxivId> arxivId() {
        return ArxivId.find(title).or(() -> ArxivId.find(abstractText))
                .map(id -> new ArxivId(id.id(), null));
    }

    /** Where a paper's title came from; a provisional title invites members to correct it. */
    public enum TitleSource { LISTING, KNOWN_TITLES, PROVISIONAL }

    /** An appearance of the paper in a seed list. */
    public record Origin(String list, String file, int line) {
    }
}
