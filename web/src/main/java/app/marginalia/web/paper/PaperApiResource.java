package app.marginalia.web.paper;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;
import app.marginalia.core.system.RequestKey;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.web.annotation.AnnotationApiResource;
import app.marginalia.web.annotation.AnnotationJson;
import app.marginalia.web.annotation.DiscussionReadModel;
import app.marginalia.web.annotation.NewAnnotation;
import app.marginalia.web.annotation.NoteCommands;
import app.marginalia.web.group.ReadMarkers;
import app.marginalia.web.system.CurrentUser;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The library as JSON: the same data the pages show, and each paper's notes. */
@Path("/api/papers")
@Produces(MediaType.APPLICATION_JSON)
public class PaperApiResource {

    /** A new annotation: an optional group (none: private), a motivation, an optional passage, a note. */
    public record NewAnnotationJson(Long groupId, String motivation, Integer start, Integer end, String exact,
                                    String prefix, String suffix, String body, List<String> tags) {
    }

    /**
     * Which group's discussion of the paper was seen, and optionally up to when: the reader
     * page's {@code data-seen-at} (epoch milliseconds), so notes saved after the page was
     * rendered stay new. Without it, up to now.
     */
    public record SeenJson(Long groupId, Long at) {
    }

    private final PaperService papers;
    private final DiscussionReadModel annotations;
    private final NoteCommands notes;
    private final ReadMarkers markers;
    private final CurrentUser current;

    PaperApiResource(PaperService papers, DiscussionReadModel annotations, NoteCommands notes, ReadMarkers markers,
                     CurrentUser current) {
        this.papers = papers;
        this.annotations = annotations;
        this.notes = notes;
        this.markers = markers;
        this.current = current;
    }

    /** Marks a group's discussion of the paper as seen; the reader page posts this once it is shown. */
    @POST
    @Path("{id:\\d{1,18}}/seen")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response seen(@RestPath long id, SeenJson json) {
        if (json == null || json.groupId() == null) {
            throw new BadRequestException("Send the group whose discussion you saw: {\"groupId\": 12}.");
        }
        markers.seen(json.groupId(), id, current.require(), json.at() == null ? null : Instant.ofEpochMilli(json.at()));
        return Response.noContent().build();
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

    /** Everything the caller may see on the paper: one group's discussion and their private notes. */
    @GET
    @Path("{id:\\d{1,18}}/annotations")
    public List<AnnotationJson> list(@RestPath long id, @RestQuery Long group) {
        return annotations.visibleOn(id, current.require(), group).stream().map(AnnotationJson::of).toList();
    }

    @POST
    @Path("{id:\\d{1,18}}/annotations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@RestPath long id, NewAnnotationJson json,
                           @RestHeader(AnnotationApiResource.IDEMPOTENCY_KEY) String key) {
        if (json == null) {
            throw new BadRequestException("Send the annotation as a JSON object.");
        }
        TextPositionSelector position = json.start() == null || json.end() == null ? null
                : new TextPositionSelector(json.start(), json.end());
        TextQuoteSelector quote = position == null || json.exact() == null ? null
                : new TextQuoteSelector(json.exact(), json.prefix(), json.suffix());
        Motivation motivation = json.motivation() == null ? Motivation.COMMENTING : Motivation.parse(json.motivation())
                .orElseThrow(() -> new BadRequestException("Unknown motivation: " + json.motivation()));
        Annotation a = notes.create(id, current.require(), new NewAnnotation(json.groupId(),
                motivation, position, quote, AnnotationApiResource.note(json.body(), json.tags()), RequestKey.normalise(key)));
        return Response.created(URI.create("/api/annotations/" + a.id)).entity(AnnotationJson.of(a)).build();
    }
}
