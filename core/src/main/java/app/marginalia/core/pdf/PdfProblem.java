package app.marginalia.core.pdf;

/** Why a PDF cannot be read, with a message a member can act on. */
public final class PdfProblem extends Exception {

    public enum Reason {
        NOT_PDF("This file is not a PDF."),
        CORRUPT("This PDF is damaged or incomplete (perhaps the upload was cut off) and cannot be read. "
                + "Try downloading it again."),
        ENCRYPTED("This PDF is password protected. Save a copy without the password, then upload that."),
        NO_TEXT("This PDF has no selectable text — it looks like a scan. Run OCR on it first "
                + "(for example with ocrmypdf), then upload it again."),
        TOO_MANY_PAGES("This PDF has more than " + PdfExtractor.MAX_PAGES + " pages, the most Marginalia reads."),
        TOO_LARGE("This PDF is larger than " + PdfExtractor.MAX_BYTES / (1024 * 1024)
                + " MB, the largest Marginalia reads.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    public PdfProblem(Reason reason) {
        this(reason, null);
    }

    public PdfProblem(Reason reason, Throwable cause) {
        super(reason.message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
