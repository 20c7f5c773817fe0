package app.marginalia.web.annotation;

import app.marginalia.core.annotation.NoteDraft;
import app.marginalia.core.annotation.ReactionKind;
import app.marginalia.core.system.RequestKey;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.annotation.AnnotationRevision;
import app.marginalia.web.system.CurrentUser;
import app.marginalia.web.system.Flash;
import app.marginalia.web.system.InvalidFormException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * The reader's notes without JavaScript: every form posts here and redirects back to the
 * thread's permalink (Post/Redirect/Get). The page's script uses {@link AnnotationApiResource}.
 */
@Path("/annotations")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AnnotationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(String permalink, List<AnnotationRevision> revisions);

        static native TemplateInstance thread(DiscussionView.Thread thread, List<DiscussionView.Option> groups);

        static native TemplateInstance actions(DiscussionView.Thread thread, List<DiscussionView.Option> groups,
                                               String permalink, String paperTitle);

        static native TemplateInstance edit(long id, String permalink, String body, String tags, long version,
                                            String error, String theirs);

    }

    private final DiscussionReadModel annotations;
    private final NoteCommands notes;
    private final NoteEdits edits;
    private final ThreadCommands threads;
    private final Reactions reactions;
    private final CurrentUser current;

    AnnotationResource(DiscussionReadModel annotations, NoteCommands notes, NoteEdits edits, ThreadCommands threads,
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
    public Response permalink(@RestPath long id) {
        return Response.seeOther(URI.create(annotations.permalink(id, current.require()))).build();
    }

    @POST
    @Path("{id:\\d{1,18}}/replies")
    public Response reply(@RestPath long id, @RestForm String body, @RestForm String tags, @RestForm String requestKey) {
        CurrentUser.SignedIn user = current.require();
        return back(() -> notes.reply(id, user, NoteDraft.of(body, tags), RequestKey.normalise(requestKey)),
                annotations, current,
                annotations.permalink(id, user), "Reply posted.");
    }

    @POST
    @Path("{id:\\d{1,18}}/edit")
    public Response edit(@RestPath long id, @RestForm String body, @RestForm String tags, @RestForm Long version) {
        CurrentUser.SignedIn user = current.require();
        String permalink = annotations.permalink(id, user);
        try {
            edits.edit(id, user, NoteDraft.of(body, tags), version == null ? -1 : version);
            return Flash.redirect(permalink, "Note updated.");
        } catch (EditConflictException e) {
            return Response.status(409).entity(Templates.edit(id, permalink, body, tags, e.currentVersion(),
                    e.getMessage(), e.currentBody())).build();
        } catch (InvalidFormException e) {
            return Response.status(400).entity(Templates.edit(id, permalink, body, tags, version == null ? -1 : version,
                    e.getMessage(), null)).build();
        }
    }

    @POST
    @Path("{id:\\d{1,18}}/delete")
    public Response delete(@RestPath long id) {
        CurrentUser.SignedIn user = current.require();
        String permalink = annotations.permalink(id, user);
        edits.delete(id, user);
        return Flash.redirect(permalink.replaceAll("#.*", ""), "Note deleted.");
    }

    @POST
    @Path("{id:\\d{1,18}}/react")
    public Response react(@RestPath long id, @RestForm String kind, @RestForm Boolean given) {
        CurrentUser.SignedIn user = current.require();
        ReactionKind reaction = ReactionKind.parse(kind).orElseThrow(() -> new BadRequestException("Unknown reaction."));
        reactions.react(id, user, reaction, given);
        return Flash.redirect(annotations.permalink(id, user));
    }

    @POST
    @Path("{id:\\d{1,18}}/answer")
    public Response answer(@RestPath long id, @RestForm Long replyId) {
        CurrentUser.SignedIn user = current.require();
        threads.answer(id, user, replyId);
        return Flash.redirect(annotations.permalink(id, user), replyId == null ? "Question reopened." : "Marked as answered.");
    }

    @POST
    @Path("{id:\\d{1,18}}/resolve")
    public Response resolve(@RestPath long id, @RestForm boolean resolved) {
        CurrentUser.SignedIn user = current.require();
        threads.resolve(id, user, resolved);
        return Flash.redirect(annotations.permalink(id, user), resolved ? "Thread resolved." : "Thread reopened.");
    }

    @POST
    @Path("{id:\\d{1,18}}/share")
    public Response share(@RestPath long id, @RestForm Long groupId) {
        CurrentUser.SignedIn user = current.require();
        if (groupId == null) {
            throw new BadRequestException("Choose a group to share with.");
        }
        threads.share(id, user, groupId);
        return Flash.redirect(annotations.permalink(id, user), "Shared with the group.");
    }

    /** One thread's markup as the reader shows it, for the reader's live updates; 404 unless visible. */
    @GET
    @Path("{id:\\d{1,18}}/thread")
    public Object thread(@RestPath long id, @RestQuery boolean compact) {
        DiscussionView.Thread thread = annotations.thread(id, current.require());
        // compact: as the margin writes it (a folded thread unfolding); else the full card with its forms.
        return compact ? ReaderMarkup.thread(thread) : Templates.thread(thread, List.of());
    }

    /**
     * A thread's own page with every control the member has (reply, react, edit, delete, answer, resolve, share):
     * where the reader's compact margin links, and what notes.js opens in place; 404 unless visible.
     */
    @GET
    @Path("{id:\\d{1,18}}/actions")
    public TemplateInstance actions(@RestPath long id) {
        CurrentUser.SignedIn user = current.require();
        DiscussionView.Thread thread = annotations.thread(annotations.find(id, user).threadId(), user);
        Annotation root = annotations.find(thread.id(), user);
        return Templates.actions(thread, annotations.shareOptions(root, user), annotations.permalink(id, user),
                root.paper.title);
    }

    @GET
    @Path("{id:\\d{1,18}}/history")
    public TemplateInstance history(@RestPath long id) {
        CurrentUser.SignedIn user = current.require();
        return Templates.history(annotations.permalink(id, user), annotations.history(id, user));
    }

    /** Runs a change and returns to the saved note's permalink; a broken rule returns with its message. */
    public static Response back(Supplier<Annotation> change, DiscussionReadModel annotations, CurrentUser current,
                         String fallback, String done) {
        try {
            Annotation saved = change.get();
            return Flash.redirect(annotations.permalink(saved.id, current.require()), done);
        } catch (InvalidFormException | UnprocessableException e) {
            return Flash.redirect(fallback, e.getMessage());
        }
    }
}
