package app.marginalia.core.seed;

import java.util.List;

/**
 * A title separated from the authors and organisations that a listing ran into it.
 *
 * @param authorsTruncated the listing ended the authors with "et al."
 */
public record Byline(String title, List<String> authors, boolean authorsTruncated, List<String> organisations) {

    public Byline {
        authors = List.copyOf(authors);
        organisations = List.copyOf(organisations);
    }
}
