package app.marginalia.web.paper;

import app.marginalia.persistence.paper.PaperFile;
import app.marginalia.web.pdf.PdfService;
import app.marginalia.web.system.CurrentUser;
import app.marginalia.web.system.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The administrators' review of library changes: proposals to accept or reject, and reverts. 404 to anyone else. */
@Path("/admin/library")
@Produces(MediaType.TEXT_HTML)
public class LibraryReviewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance proposals(List<PaperChangeService.ProposalView> proposals);
    }

    private final PaperChangeService changes;
    private final PdfService pdf;
    private final CurrentUser current;

    LibraryReviewResource(PaperChangeService changes, PdfService pdf, CurrentUser current) {
        this.changes = changes;
        this.pdf = pdf;
        this.current = current;
    }

    @GET
    @Path("proposals")
    public TemplateInstance proposals() {
        return Templates.proposals(changes.pending(current.require()));
    }

    /**
     * The PDF a pending proposal would attach, for the reviewing administrator. It is not the
     * paper's yet, so {@code /papers/{id}/pdf} does not serve it; 404 for anyone else.
     */
    @GET
    @Path("proposals/{proposalId:\\d{1,18}}/pdf")
    @Produces("application/pdf")
    public Response proposedPdf(@RestPath long proposalId) {
        PaperFile file = changes.proposedFile(proposalId, current.require());
        String name = PdfService.safeFileName(file.fileName);
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return Response.ok(pdf.content(file.id), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @POST
    @Path("proposals/{proposalId:\\d{1,18}}/accept")
    public Response accept(@RestPath long proposalId) {
        PaperChangeService.Applied applied = changes.accept(proposalId, current.require());
        return Flash.redirect("/admin/library/proposals", "Proposal accepted. "
                + PaperResource.savedMessage(applied));
    }

    @POST
    @Path("proposals/{proposalId:\\d{1,18}}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@RestPath long proposalId, @RestForm String decision) {
        // A missing reason is an InvalidFormException: 400 with the message, nothing decided.
        changes.reject(proposalId, current.require(), decision);
        return Flash.redirect("/admin/library/proposals", "Proposal rejected; the proposer sees your reason.");
    }

    @POST
    @Path("papers/{paperId:\\d{1,18}}/revisions/{revisionId:\\d{1,18}}/revert")
    public Response revert(@RestPath long paperId, @RestPath long revisionId) {
        PaperChangeService.Applied applied = changes.revert(paperId, revisionId, current.require());
        return Flash.redirect("/papers/" + paperId + "/history", !applied.changed()
                ? "Nothing to revert: the paper is already as it was before that change."
                : "Reverted. " + PaperResource.savedMessage(applied));
    }
}
