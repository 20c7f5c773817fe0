package app.marginalia.web.annotation;

import app.marginalia.core.annotation.NoteDraft;
import app.marginalia.core.annotation.ReactionKind;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;
import app.marginalia.core.system.RequestKey;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.web.system.CurrentUser;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The JSON API for one note and its thread; creating and listing a paper's notes is under
 * {@code /api/papers/{id}/annotations}. The reader's script sends the CSRF header.
 */
@Path("/api/annotations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnnotationApiResource {

    /**
     * The header a client sends with a new note or reply, the same for every retry of it, so a
     * repeat answers with the note the first request saved.
     */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** A reaction kind, and whether it should be given (true), taken back (false) or toggled (absent). */
    public record ReactionJson(String kind, Boolean given) {
    }

    /** A note's new text, with the version it was edited from. */
    public record NoteJson(String body, List<String> tags, Long version) {
    }

    private final DiscussionReadModel annotations;
    private final NoteCommands notes;
    private final NoteEdits edits;
    private final ThreadCommands threads;
    private final Reactions reactions;
    private final CurrentUser current;

    AnnotationApiResource(DiscussionReadModel annotations, NoteCommands notes, NoteEdits edits, ThreadCommands threads,
                          Reactions reactions, CurrentUser current) {
        this.annotations = annotations;
        this.notes = notes;
        this.edits = edits;
        this.threads = threads;
        this.reactions = reactions;
        this.current = current;
    }

    @GET
    @Path("{id:\\d{1,18}}")
    public AnnotationJson get(@RestPath long id) {
        return AnnotationJson.of(annotations.find(id, current.require()));
    }

    @PUT
    @Path("{id:\\d{1,18}}")
    public AnnotationJson edit(@RestPath long id, NoteJson json) {
        if (json == null || json.version() == null) {
            throw new BadRequestException("Send the note's body, tags and the version you edited.");
        }
        edits.edit(id, current.require(), note(json.body(), json.tags()), json.version());
        return AnnotationJson.of(annotations.find(id, current.require()));
    }

    @DELETE
    @Path("{id:\\d{1,18}}")
    public Response delete(@RestPath long id) {
        edits.delete(id, current.require());
        return Response.noContent().build();
    }

    @POST
    @Path("{id:\\d{1,18}}/replies")
    public Response reply(@RestPath long id, NoteJson json, @RestHeader(IDEMPOTENCY_KEY) String key) {
        if (json == null) {
            throw new BadRequestException("Send the reply as a JSON object.");
        }
        Annotation reply = notes.reply(id, current.require(), note(json.body(), json.tags()), RequestKey.normalise(key));
        return Response.created(URI.create("/api/annotations/" + reply.id)).entity(AnnotationJson.of(reply)).build();
    }

    @POST
    @Path("{id:\\d{1,18}}/reactions")
    public Map<String, Object> react(@RestPath long id, ReactionJson json) {
        ReactionKind kind = ReactionKind.parse(json == null ? null : json.kind())
                .orElseThrow(() -> new BadRequestException("Give a reaction kind: AGREE, INSIGHTFUL or CONFUSED."));
        return Map.of("kind", kind.name(), "given", reactions.react(id, current.require(), kind, json.given()));
    }

    @POST
    @Path("{id:\\d{1,18}}/answer")
    public AnnotationJson answer(@RestPath long id, Map<String, Long> json) {
        threads.answer(id, current.require(), json == null ? null : json.get("replyId"));
        return AnnotationJson.of(annotations.find(id, current.require()));
    }

    @POST
    @Path("{id:\\d{1,18}}/resolve")
    public AnnotationJson resolve(@RestPath long id, Map<String, Boolean> json) {
        threads.resolve(id, current.require(), json == null || !Boolean.FALSE.equals(json.get("resolved")));
        return AnnotationJson.of(annotations.find(id, current.require()));
    }

    /** A passage of the current text: where a detached note belongs. */
    public record PassageJson(Integer start, Integer end, String exact, String prefix, String suffix) {
    }

    @POST
    @Path("{id:\\d{1,18}}/anchor")
    public AnnotationJson reattach(@RestPath long id, PassageJson json) {
        if (json == null || json.start() == null || json.end() == null) {
            throw new BadRequestException("Send the passage: start, end and its quote.");
        }
        TextPositionSelector position = new TextPositionSelector(json.start(), json.end());
        TextQuoteSelector quote = json.exact() == null ? null : new TextQuoteSelector(json.exact(), json.prefix(), json.suffix());
        threads.reattach(id, current.require(), position, quote);
        return AnnotationJson.of(annotations.find(id, current.require()));
    }

    public static NoteDraft note(String body, List<String> tags) {
        return new NoteDraft(body, tags == null ? List.of() : tags);
    }
}
