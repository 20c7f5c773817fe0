package app.marginalia.web.paper;

import app.marginalia.core.paper.FieldProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The library's pages: the list of papers, the reader, and adding a paper by hand. */
@Path("/papers")
@Produces(MediaType.TEXT_HTML)
public class PaperResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance library(List<PaperSummary> papers, long total, String sort, String filter);

        static native TemplateInstance reader(PaperDetail detail, boolean added);

        static native TemplateInstance add(PaperForm form, Map<String, String> errors, List<PaperSummary> duplicates);
    }

    private final PaperService papers;

    PaperResource(PaperService papers) {
        this.papers = papers;
    }

    @GET
    public TemplateInstance library(@RestQuery String sort, @RestQuery String q) {
        LibrarySort order = LibrarySort.parse(sort);
        String filter = q == null ? "" : q.strip();
        return Templates.library(papers.library(order, filter), papers.count(), order.param(), filter);
    }

    @GET
    @Path("{id:\\d{1,18}}")
    public TemplateInstance reader(@RestPath long id, @RestQuery boolean added) {
        return Templates.reader(papers.detail(id), added);
    }

    @GET
    @Path("new")
    public TemplateInstance addForm() {
        return Templates.add(new PaperForm(), Map.of(), List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@BeanParam PaperForm form) {
        try {
            long id = papers.add(form.draft(), form.confirmDuplicate);
            return Response.seeOther(URI.create("/papers/" + id + "?added=true")).build();
        } catch (InvalidPaperException e) {
            return Response.status(400).entity(Templates.add(form, byField(e.problems()), List.of())).build();
        } catch (DuplicatePaperException e) {
            return Response.status(409).entity(Templates.add(form, Map.of(), e.matches())).build();
        }
    }

    private static Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + " " + b));
        return errors;
    }
}
