package app.marginalia.web.paper;

import app.marginalia.core.paper.PaperDraft;
import org.jboss.resteasy.reactive.RestForm;

/** The "add a paper" and "edit paper" form as submitted; copied into a {@link PaperDraft}, never bound to an entity. */
public class PaperForm {

    @RestForm
    public String title = "";
    @RestForm
    public String authors = "";
    @RestForm
    public String abstractText = "";
    @RestForm
    public String fullText = "";
    @RestForm
    public String date = "";
    @RestForm
    public String link = "";
    /** Set when the member has seen the likely duplicates and wants to add the paper anyway. */
    @RestForm
    public boolean confirmDuplicate;
    /** A group whose reading list the new paper is proposed to, if any. */
    @RestForm
    public Long groupId;

    /** Editing: the paper's version when the form was opened, so a change made since is a conflict. */
    @RestForm
    public Long version;
    /**
     * Editing: the current text came from a file (a PDF), so the form shows no text fields; set by
     * the server when it opens the form, echoed only to show the form again. The service decides
     * from the text version itself, never from this.
     */
    @RestForm
    public boolean textFromFile;
    /** Editing: why the paper changes; required for a proposal, optional for a direct edit. */
    @RestForm
    public String reason = "";

    public PaperDraft draft() {
        return new PaperDraft(title, authors, abstractText, fullText, date, link);
    }
}
