package app.marginalia.web.group;

import app.marginalia.web.system.CurrentUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Map;

/** A group's reading list with where each discussion stands, and its activity feed, as JSON. */
@Path("/api/groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupApiResource {

    /** A paper on the list with its status and discussion counts for the caller. */
    public record ListedPaper(long paperId, String title, String status, String meeting,
                              GroupViews.PaperStats discussion) {
    }

    private final GroupPageReadModel pages;
    private final TrackingReadModel tracking;
    private final CurrentUser current;

    GroupApiResource(GroupPageReadModel pages, TrackingReadModel tracking, CurrentUser current) {
        this.pages = pages;
        this.tracking = tracking;
        this.current = current;
    }

    @GET
    @Path("{id:\\d{1,18}}/papers")
    public List<ListedPaper> papers(@RestPath long id) {
        GroupViews.Page page = pages.page(id, current.require());
        return page.sections().stream().flatMap(s -> s.entries().stream())
                .map(e -> new ListedPaper(e.paperId(), e.title(), e.status().name(),
                        e.meeting() == null ? null : e.meeting().iso(), e.stats())).toList();
    }

    /** The feed, newest first, filtered by {@code paper}, {@code member} and {@code kind}, {@code page} from 1. */
    @GET
    @Path("{id:\\d{1,18}}/activity")
    public Map<String, Object> activity(@RestPath long id, @RestQuery Long paper, @RestQuery Long member,
                                        @RestQuery String kind, @RestQuery Integer page) {
        GroupViews.FeedPage feed = tracking.feed(id, current.require(), paper, member, kind,
                page == null ? 1 : page);
        return Map.of("page", feed.page(), "more", feed.more(), "lines", feed.lines());
    }
}
