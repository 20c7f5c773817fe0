package app.marginalia.core.pdf;

import app.marginalia.core.document.Document;
import app.marginalia.core.document.TextLayout;

import java.util.List;

/**
 * What a PDF yields: a proposed title and authors (possibly empty, for the member to edit), the
 * document, where its characters stand on the pages, and the number of pages.
 */
public record Extraction(String title, List<String> authors, Document document, TextLayout layout, int pageCount) {

    public Extraction {
        title = title == null ? "" : title;
        authors = List.copyOf(authors);
    }
}
