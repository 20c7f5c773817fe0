package app.marginalia.web.pdf;

import org.jboss.resteasy.reactive.RestForm;

/** The confirmation of a paper from a PDF: the proposed metadata as the member corrected it. */
public class PdfForm {

    @RestForm
    public String token = "";
    @RestForm
    public String title = "";
    @RestForm
    public String authors = "";
    @RestForm
    public String date = "";
    @RestForm
    public String link = "";
    @RestForm
    public boolean confirmDuplicate;
    @RestForm
    public Long groupId;

    PdfService.Confirmation confirmation() {
        return new PdfService.Confirmation(nonNull(title), nonNull(authors), nonNull(date), nonNull(link),
                confirmDuplicate, groupId);
    }

    static PdfForm of(PdfService.Pending pending) {
        PdfForm form = new PdfForm();
        form.token = pending.token();
        form.title = pending.title();
        form.authors = pending.authors();
        return form;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
