package app.marginalia.web.pdf;

import app.marginalia.core.pdf.PdfExtractor;
import app.marginalia.core.pdf.PdfProblem;
import app.marginalia.persistence.paper.PaperFile;
import app.marginalia.web.group.GroupPageReadModel;
import app.marginalia.web.group.GroupViews;
import app.marginalia.core.group.Policy;
import app.marginalia.web.paper.DuplicatePaperException;
import app.marginalia.web.paper.PaperConflictException;
import app.marginalia.web.paper.PaperSummary;
import app.marginalia.web.system.CurrentUser;
import app.marginalia.web.system.Flash;
import app.marginalia.web.system.InvalidFormException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** PDF papers: adding one from a PDF, attaching a PDF to a paper, its page images and the download. */
@Path("/papers")
@Produces(MediaType.TEXT_HTML)
public class PdfResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(String error, List<GroupViews.GroupSummary> groups);

        static native TemplateInstance confirm(PdfForm form, PdfService.Pending pending, Map<String, String> errors,
                                               List<PaperSummary> duplicates, List<GroupViews.GroupSummary> groups);

        static native TemplateInstance attach(long id, String title, boolean replace, boolean propose, long version,
                                              String reason, String error, String reasonError);
    }

    /** Page images never change: their URL names the file's hash. */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final PdfService pdf;
    private final PageCache cache;
    private final GroupPageReadModel groups;
    private final CurrentUser current;

    PdfResource(PdfService pdf, PageCache cache, GroupPageReadModel groups, CurrentUser current) {
        this.pdf = pdf;
        this.cache = cache;
        this.groups = groups;
        this.current = current;
    }

    // ---- Adding a paper from a PDF ----

    @GET
    @Path("new/pdf")
    public TemplateInstance uploadForm() {
        current.require();
        return Templates.upload(null, List.of());
    }

    /** The upload: read the PDF, keep it, and propose its title and authors for the member to confirm. */
    @POST
    @Path("new/pdf")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file) {
        CurrentUser.SignedIn user = current.require();
        try {
            byte[] bytes = bytesOf(file);
            PdfService.Pending pending = pdf.upload(user, file.fileName(), bytes);
            return Response.ok(Templates.confirm(PdfForm.of(pending), pending, Map.of(), List.of(),
                    groups.mine(user.id()))).build();
        } catch (BadUpload e) {
            return Response.status(e.status).entity(Templates.upload(e.getMessage(), List.of())).build();
        } catch (PdfProblem e) {
            return Response.status(status(e)).entity(Templates.upload(e.getMessage(), List.of())).build();
        }
    }

    @POST
    @Path("new/pdf/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@BeanParam PdfForm form) {
        CurrentUser.SignedIn user = current.require();
        try {
            long id = pdf.confirm(form.token, user, form.confirmation());
            return Response.seeOther(URI.create("/papers/" + id + "/pages?added=true")).build();
        } catch (InvalidFormException e) {
            return confirmForm(400, form, user, e.byField(), List.of());
        } catch (DuplicatePaperException e) {
            return confirmForm(409, form, user, Map.of(), e.matches());
        } catch (PdfProblem e) {
            // The stored upload was read once already; it cannot turn bad, but if it did, say so.
            return Response.status(status(e)).entity(Templates.upload(e.getMessage(), List.of())).build();
        }
    }

    private Response confirmForm(int status, PdfForm form, CurrentUser.SignedIn user, Map<String, String> errors,
                                 List<PaperSummary> duplicates) {
        try {
            return Response.status(status).entity(Templates.confirm(form, pdf.pending(form.token, user), errors,
                    duplicates, groups.mine(user.id()))).build();
        } catch (PdfProblem e) {
            return Response.status(status(e)).entity(Templates.upload(e.getMessage(), List.of())).build();
        }
    }

    // ---- Attaching a PDF to a paper ----

    /** The upload form: to attach directly, or (for who may only propose) to propose the PDF with a reason. */
    @GET
    @Path("{id:\\d{1,18}}/pdf/new")
    public TemplateInstance attachForm(@RestPath long id) {
        CurrentUser.SignedIn user = current.require();
        boolean propose = pdf.attachAccess(id, user) == Policy.PaperChange.PROPOSE;
        PdfService.AttachTarget target = pdf.attachTarget(id);
        return Templates.attach(id, target.title(), target.hasFile(), propose, target.version(), "", null, null);
    }

    /**
     * A new text version from the PDF, every note re-anchored; the flash says where the notes went.
     * From a member who may only propose changes, a proposal an administrator reviews.
     */
    @POST
    @Path("{id:\\d{1,18}}/pdf")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@RestPath long id, @RestForm("file") FileUpload file, @RestForm("reason") String reason,
                           @RestForm("version") String version) {
        CurrentUser.SignedIn user = current.require();
        if (pdf.attachAccess(id, user) == Policy.PaperChange.PROPOSE) {
            return propose(id, user, file, reason, version);
        }
        try {
            byte[] bytes = bytesOf(file);
            PdfService.Attached attached = pdf.attach(id, user, file.fileName(), bytes);
            String message = !attached.changed() ? "This PDF is already the paper's text: nothing changed."
                    : "Saved as text version " + attached.textVersion() + " from the PDF. Notes: " + attached.kept()
                    + " in place, " + attached.moved() + " moved, " + attached.detached() + " detached.";
            return Flash.redirect("/papers/" + id + "/pages", message);
        } catch (BadUpload e) {
            return attachError(id, e.status, e.getMessage());
        } catch (PdfProblem e) {
            return attachError(id, status(e), e.getMessage());
        }
    }

    private Response propose(long id, CurrentUser.SignedIn user, FileUpload file, String reason, String version) {
        Long expected = version != null && version.matches("\\d{1,18}") ? Long.valueOf(version) : null;
        try {
            byte[] bytes = bytesOf(file);
            if (pdf.propose(id, user, file.fileName(), bytes, expected, reason).isEmpty()) {
                return Flash.redirect("/papers/" + id, "This PDF is already the paper's text: nothing was proposed.");
            }
            return Flash.redirect("/papers/" + id, "Your PDF was sent to the administrators for review.");
        } catch (BadUpload e) {
            return proposeError(id, e.status, reason, e.getMessage(), null);
        } catch (PdfProblem e) {
            return proposeError(id, status(e), reason, e.getMessage(), null);
        } catch (InvalidFormException e) {
            return proposeError(id, 400, reason, null, e.problems().get(0).message());
        } catch (PaperConflictException e) {
            return proposeError(id, 409, reason, e.getMessage(), null);
        }
    }

    private Response proposeError(long id, int status, String reason, String error, String reasonError) {
        PdfService.AttachTarget target = pdf.attachTarget(id);
        return Response.status(status).entity(Templates.attach(id, target.title(), target.hasFile(), true,
                target.version(), reason == null ? "" : reason, error, reasonError)).build();
    }

    private Response attachError(long id, int status, String message) {
        PdfService.AttachTarget target = pdf.attachTarget(id);
        return Response.status(status).entity(Templates.attach(id, target.title(), target.hasFile(), false,
                target.version(), "", message, null)).build();
    }

    // ---- Page images and the file ----

    @GET
    @Path("{id:\\d{1,18}}/pages/{sha:[0-9a-f]{64}}/{page:\\d{1,4}}-{width:\\d{3,4}}.png")
    @Produces("image/png")
    public Response page(@RestPath long id, @RestPath String sha, @RestPath int page, @RestPath int width,
                         @HeaderParam("If-None-Match") String ifNoneMatch) {
        PaperFile file = pdf.file(id, sha);
        if (page < 1 || page > file.pageCount || !PageCache.allowedWidth(width)) {
            throw new NotFoundException("No such page.");
        }
        String etag = "\"" + sha.substring(0, 16) + "-" + page + "-" + width + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", IMMUTABLE).build();
        }
        java.nio.file.Path png = cache.page(sha, page, width, bytes(file));
        return Response.ok(png.toFile(), "image/png").header("ETag", etag).header("Cache-Control", IMMUTABLE).build();
    }

    /** The original PDF of the paper's current text version, under a safe file name. */
    @GET
    @Path("{id:\\d{1,18}}/pdf")
    @Produces("application/pdf")
    public Response download(@RestPath long id) {
        PaperFile file = pdf.currentFile(id);
        java.nio.file.Path local = cache.pdf(file.sha256, bytes(file));
        String name = PdfService.safeFileName(file.fileName);
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return Response.ok(local.toFile(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }

    private Supplier<byte[]> bytes(PaperFile file) {
        return () -> pdf.content(file.id);
    }

    // ---- Reading the upload ----

    /** An upload that is no PDF to extract at all: missing, empty or too large. */
    private static final class BadUpload extends RuntimeException {
        final int status;

        BadUpload(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static byte[] bytesOf(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw new BadUpload(400, "Choose a PDF file to upload.");
        }
        if (file.size() == 0) {
            throw new BadUpload(422, "The file is empty. Choose the paper's PDF.");
        }
        if (file.size() > PdfExtractor.MAX_BYTES) {
            throw new BadUpload(413, "This file is larger than " + PdfExtractor.MAX_BYTES / (1024 * 1024)
                    + " MB, the largest PDF Marginalia accepts.");
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int status(PdfProblem problem) {
        return problem.reason() == PdfProblem.Reason.TOO_LARGE ? 413 : 422;
    }
}
