package app.marginalia.web.search;

import app.marginalia.web.system.CurrentUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/** The same search as JSON: {@code q}, optional {@code is}, {@code group} and {@code page}. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchApiResource {

    private final SearchService search;
    private final CurrentUser current;

    SearchApiResource(SearchService search, CurrentUser current) {
        this.search = search;
        this.current = current;
    }

    @GET
    public SearchService.Results search(@RestQuery String q, @RestQuery String is, @RestQuery String group,
                                        @RestQuery Integer page) {
        return search.search(q, is, group, page == null ? 1 : page, current.user());
    }
}
