package app.marginalia.web.search;

import app.marginalia.web.group.GroupPageReadModel;
import app.marginalia.web.group.GroupViews;
import app.marginalia.web.system.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** The results page of the header's search box. */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchService.Results results, List<GroupViews.GroupSummary> groups,
                                              List<SearchService.Kind> kinds);
    }

    private final SearchService search;
    private final GroupPageReadModel groups;
    private final CurrentUser current;

    SearchResource(SearchService search, GroupPageReadModel groups, CurrentUser current) {
        this.search = search;
        this.groups = groups;
        this.current = current;
    }

    @GET
    public TemplateInstance search(@RestQuery String q, @RestQuery String is, @RestQuery String group,
                                   @RestQuery Integer page) {
        SearchService.Results results = search.search(q, is, group, page == null ? 1 : page, current.user());
        return Templates.search(results, current.user().map(u -> groups.mine(u.id())).orElse(List.of()),
                SearchService.KINDS);
    }
}
