package app.marginalia.core.importing;

import app.marginalia.core.paper.PaperDraft;
import app.marginalia.core.paper.PartialDate;

import java.util.List;

/**
 * A paper's metadata as a source gave it (the arXiv API, a DOI's CSL-JSON record, a BibTeX
 * entry), before it meets the library. Every field but the title may be missing.
 *
 * @param venue      the journal or proceedings, shown in import reports (the library has no field for it)
 * @param categories arXiv's subject classes, primary first
 * @param pdfUrl     where the full text can be fetched as a PDF, when the source says
 */
public record ImportedPaper(String title, List<String> authors, String abstractText, PartialDate date, String link,
                            ArxivId arxivId, Doi doi, String venue, List<String> categories, String pdfUrl) {

    public ImportedPaper {
        title = title == null ? "" : title;
        authors = authors == null ? List.of() : List.copyOf(authors);
        abstractText = abstractText == null ? "" : abstractText;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /**
     * The paper as the add form would have it, so an import obeys the same rules (limits, a text
     * to read) and the same duplicate check as a paper typed in. The link is the source's page,
     * or else the paper's arXiv or DOI address.
     */
    public PaperDraft draft() {
        String page = link != null && !link.isBlank() ? link
                : arxivId != null ? arxivId.absUrl() : doi != null ? doi.url() : "";
        return new PaperDraft(title, String.join("\n", authors), abstractText, "", date == null ? "" : date.iso(), page);
    }
}
