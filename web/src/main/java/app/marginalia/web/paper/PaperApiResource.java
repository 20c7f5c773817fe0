package app.marginalia.web.paper;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** The library as JSON: the same data the pages show. */
@Path("/api/papers")
@Produces(MediaType.APPLICATION_JSON)
public class PaperApiResource {

    private final PaperService papers;

    PaperApiResource(PaperService papers) {
        this.papers = papers;
    }

    /** Every paper, sorted by {@code title} (default) or {@code date}, narrowed by {@code q}. */
    @GET
    public List<PaperSummary> list(@RestQuery String sort, @RestQuery String q) {
        return papers.library(LibrarySort.parse(sort), q);
    }

    @GET
    @Path("{id:\\d{1,18}}")
    public PaperDetail get(@RestPath long id) {
        return papers.detail(id);
    }
}
