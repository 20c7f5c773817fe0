package app.marginalia.web.importing;

import app.marginalia.core.importing.BibtexImport;
import app.marginalia.core.importing.ImportProblem;
import app.marginalia.web.paper.PaperSummary;
import app.marginalia.web.system.CurrentUser;
import app.marginalia.web.system.Flash;
import app.marginalia.web.system.InvalidFormException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;

/** Importing papers: by arXiv id, by DOI, a BibTeX file, and the full text of a paper in the library. */
@Path("/papers/import")
@Produces(MediaType.TEXT_HTML)
public class ImportResource {

    /** What the import page shows besides its forms: what was typed, and the outcome of a failed try. */
    public record View(String arxiv, String doi, String error, List<PaperSummary> duplicates, String source,
                       String duplicateArxivId, String duplicateDoi) {

        static View empty() {
            return new View("", "", null, List.of(), null, "", "");
        }

        public int maxEntries() {
            return BibtexImport.MAX_ENTRIES;
        }

        public int maxMegabytes() {
            return BibtexImport.MAX_BYTES / (1024 * 1024);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(View view);

        static native TemplateInstance report(ImportService.Report report);
    }

    private final ImportService imports;
    private final CurrentUser current;

    ImportResource(ImportService imports, CurrentUser current) {
        this.imports = imports;
        this.current = current;
    }

    @GET
    public TemplateInstance page() {
        current.require();
        return Templates.page(View.empty());
    }

    @POST
    @Path("arxiv")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response arxiv(@RestForm String id) {
        CurrentUser.SignedIn user = current.require();
        View typed = new View(id == null ? "" : id, "", null, List.of(), "arxiv", "", "");
        return single(typed, () -> imports.arxiv(id, user));
    }

    @POST
    @Path("doi")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response doi(@RestForm String doi) {
        CurrentUser.SignedIn user = current.require();
        View typed = new View("", doi == null ? "" : doi, null, List.of(), "doi", "", "");
        return single(typed, () -> imports.doi(doi, user));
    }

    @POST
    @Path("bibtex")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response bibtex(@RestForm("file") FileUpload file) {
        CurrentUser.SignedIn user = current.require();
        return failures(View.empty(), () -> {
            if (file == null || file.fileName() == null || file.fileName().isEmpty()) {
                throw new ImportProblem(ImportProblem.Kind.INVALID, "Choose a BibTeX file (.bib) to import.");
            }
            if (file.size() > BibtexImport.MAX_BYTES) {
                throw new ImportProblem(ImportProblem.Kind.TOO_LARGE, "The file is larger than "
                        + BibtexImport.MAX_BYTES / (1024 * 1024) + " MB. Split the bibliography into smaller files.");
            }
            ImportService.Report report = imports.bibtex(read(file), user);
            return Response.ok(Templates.report(report)).build();
        });
    }

    /** A form sent without its file (no multipart encoding): the same clear 400 as an empty upload. */
    @POST
    @Path("bibtex")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bibtexWithoutFile() {
        current.require();
        return failures(View.empty(), () -> {
            throw new ImportProblem(ImportProblem.Kind.INVALID, "Choose a BibTeX file (.bib) to import.");
        });
    }

    /** Records an imported entry against the paper the library already has; see {@link ImportedPapers#merge}. */
    @POST
    @Path("merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@RestForm Long paperId, @RestForm String arxivId, @RestForm String doi, @RestForm String source) {
        CurrentUser.SignedIn user = current.require();
        if (paperId == null) {
            throw new InvalidFormException("paperId", "Choose the paper to record the entry against.");
        }
        return failures(View.empty(), () -> {
            ImportedPapers.Merged merged = imports.merge(paperId, arxivId, doi, source, user);
            String filled = merged.arxivIdSet() && merged.doiSet() ? " Its arXiv id and DOI were filled in."
                    : merged.arxivIdSet() ? " Its arXiv id was filled in." : merged.doiSet() ? " Its DOI was filled in." : "";
            return Flash.redirect("/papers/" + merged.paperId(), "The import was recorded against this paper." + filled);
        });
    }

    /** "Add the full paper" on the reader: fetch its PDF by arXiv id or DOI. */
    @POST
    @Path("full/{paperId:\\d{1,18}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fetchFull(@RestPath long paperId, @RestForm String source) {
        CurrentUser.SignedIn user = current.require();
        return failures(View.empty(), () -> Flash.redirect("/papers/" + paperId, imports.fetchFull(paperId, source, user)));
    }

    private Response single(View typed, Supplier<ImportService.Single> run) {
        return failures(typed, () -> {
            ImportService.Single result = run.get();
            if (result.createdId() == null) {
                View duplicate = new View(typed.arxiv(), typed.doi(), null, result.duplicates(), typed.source(),
                        result.imported() != null && result.imported().arxivId() != null ? result.imported().arxivId().id() : "",
                        result.imported() != null && result.imported().doi() != null ? result.imported().doi().value() : "");
                return Response.status(409).entity(Templates.page(duplicate)).build();
            }
            String message = "Imported \u201c" + result.imported().title() + "\u201d."
                    + (result.pdfNote() == null ? " It opens with its full text." : " " + result.pdfNote());
            return Flash.redirect("/papers/" + result.createdId() + "?added=true", message);
        });
    }

    /** Every way an import fails, as the import page with the message and a 4xx or 5xx status; never a 500. */
    private static Response failures(View typed, Supplier<Response> run) {
        try {
            return run.get();
        } catch (ImportProblem e) {
            int status = switch (e.kind()) {
                case INVALID -> 400;
                case NOT_FOUND, UNREADABLE -> 422;
                case TOO_LARGE -> 413;
                case BUSY -> 503;
            };
            Response.ResponseBuilder response = Response.status(status).entity(Templates.page(withError(typed, e.getMessage())));
            return e.kind() == ImportProblem.Kind.BUSY ? response.header(HttpHeaders.RETRY_AFTER, 30).build() : response.build();
        } catch (Unreachable e) {
            return Response.status(e.status()).entity(Templates.page(withError(typed, e.getMessage()))).build();
        } catch (InvalidFormException e) {
            return Response.status(422).entity(Templates.page(withError(typed,
                    "The paper's metadata breaks the library's rules: " + e.getMessage()))).build();
        }
    }

    private static View withError(View typed, String error) {
        return new View(typed.arxiv(), typed.doi(), error, List.of(), typed.source(), "", "");
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
