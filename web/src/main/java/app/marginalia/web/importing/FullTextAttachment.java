package app.marginalia.web.importing;

import app.marginalia.web.system.CurrentUser.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The one place imports hand a downloaded PDF to the PDF feature, which turns it into the
 * paper's next text version (extraction, re-anchoring, the page view). Kept to this single
 * call so the import code does not depend on how PDFs are stored.
 */
@ApplicationScoped
public class FullTextAttachment {

    /**
     * Attaches {@code pdf} to the paper as its full text.
     *
     * @return empty when attached; otherwise why not, in words for the page
     */
    public Optional<String> attachPdf(long paperId, byte[] pdf, String fileName, SignedIn user) {
        // PDF_WEB_CALL_SITE: the pdf-web service (attach a PDF to a paper as a new text version)
        // is called here once it is merged; until then the paper keeps its abstract.
        return Optional.of("This installation cannot add PDFs as full texts yet, so the paper has its abstract only.");
    }
}
