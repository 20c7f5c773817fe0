package app.marginalia.core.pdf;

import app.marginalia.core.document.Document;
import app.marginalia.core.document.TextLayout;

import java.util.List;

/** What a PDF yields: proposed metadata, the document, and where its characters stand on the pages. */
public record Extraction(String title, List<String> authors, Document document, TextLayout layout, int pageCount) {
}
