package app.marginalia.web.importing;

import app.marginalia.web.system.CurrentUser.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;

import app.marginalia.core.pdf.PdfProblem;
import app.marginalia.web.pdf.PdfService;
import jakarta.ws.rs.ForbiddenException;

import java.util.Optional;

/**
 * The one place imports hand a downloaded PDF to the PDF feature, which turns it into the
 * paper's next text version (extraction, re-anchoring, the page view). Kept to this single
 * call so the import code does not depend on how PDFs are stored.
 */
@ApplicationScoped
public class FullTextAttachment {

    private final PdfService pdfs;

    FullTextAttachment(PdfService pdfs) {
        this.pdfs = pdfs;
    }

    /**
     * Attaches {@code pdf} to the paper as its full text.
     *
     * @return empty when attached; otherwise why not, in words for the page
     */
    public Optional<String> attachPdf(long paperId, byte[] pdf, String fileName, SignedIn user) {
        try {
            PdfService.Attached attached = pdfs.attach(paperId, user, fileName, pdf);
            return attached.changed() ? Optional.empty() : Optional.of("This PDF is already the paper's text.");
        } catch (PdfProblem e) {
            return Optional.of("The PDF was fetched but not added: " + e.getMessage());
        } catch (ForbiddenException e) {
            return Optional.of("The PDF was not added: " + e.getMessage());
        }
    }
}
