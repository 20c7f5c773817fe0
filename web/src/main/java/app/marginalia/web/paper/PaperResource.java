package app.marginalia.web.paper;

import app.marginalia.web.annotation.AnnotationForm;
import app.marginalia.web.annotation.AnnotationResource;
import app.marginalia.web.annotation.DiscussionReadModel;
import app.marginalia.web.annotation.DiscussionView;
import app.marginalia.web.annotation.NoteCommands;
import app.marginalia.web.group.GroupPageReadModel;
import app.marginalia.web.group.GroupViews;
import app.marginalia.web.group.ReadMarkers;
import app.marginalia.web.group.ReadingListCommands;
import app.marginalia.web.group.TrackingReadModel;
import app.marginalia.web.pdf.PdfService;
import app.marginalia.web.pdf.PdfView;
import app.marginalia.web.system.CurrentUser;
import app.marginalia.web.system.Flash;
import app.marginalia.web.system.InvalidFormException;
import app.marginalia.web.system.RenderedPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The library's pages: the list of papers, the reader, and adding a paper by hand. */
@Path("/papers")
@Produces(MediaType.TEXT_HTML)
public class PaperResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance library(LibraryView library);

        static native TemplateInstance reader(PaperDetail detail, boolean added, List<GroupViews.Candidate> groups,
                                              DiscussionView discussion, boolean canEdit,
                                              GroupViews.ReaderPanel panel, long seenAt, PdfView pdf);

        static native TemplateInstance add(PaperForm form, Map<String, String> errors, List<PaperSummary> duplicates,
                                           List<GroupViews.GroupSummary> groups);

        static native TemplateInstance edit(long id, PaperForm form, Map<String, String> errors, boolean propose,
                                            String conflict);

        static native TemplateInstance history(PaperChangeService.History history);
    }

    private final PaperService papers;
    private final PaperChangeService changes;
    private final GroupPageReadModel groups;
    private final ReadingListCommands list;
    private final CurrentUser current;
    private final DiscussionReadModel annotations;
    private final NoteCommands notes;
    private final TrackingReadModel tracking;
    private final ReadMarkers markers;
    private final PdfService pdf;
    /** The reader's rendered pages: ETags, 304s and pages kept per viewer until something changes. */
    @Inject
    RenderedPages pages;

    PaperResource(PaperService papers, PaperChangeService changes, GroupPageReadModel groups, ReadingListCommands list,
                  CurrentUser current, DiscussionReadModel annotations, NoteCommands notes, TrackingReadModel tracking,
                  ReadMarkers markers, PdfService pdf) {
        this.pdf = pdf;
        this.papers = papers;
        this.changes = changes;
        this.groups = groups;
        this.list = list;
        this.current = current;
        this.annotations = annotations;
        this.notes = notes;
        this.tracking = tracking;
        this.markers = markers;
    }

    /**
     * One page of the library ({@code page} from 1), sorted by {@code sort} and narrowed by the
     * words of {@code q}; with {@code group}, each paper offers "add to this group's list".
     */
    @GET
    public TemplateInstance library(@RestQuery String sort, @RestQuery String q, @RestQuery String page,
                                    @RestQuery String group) {
        LibrarySort order = LibrarySort.parseStrict(sort);
        int at = number(page, "page", "Pages are numbered from 1.", 1);
        Long groupId = group == null || group.isBlank() ? null
                : (long) number(group, "group", "Choose a group by its number.", 0);
        return Templates.library(papers.libraryPage(order, q, at, current.user(), groupId));
    }

    /** A whole positive number from a query parameter; anything else is refused with the message (400). */
    private static int number(String value, String field, String problem, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        if (!value.strip().matches("\\d{1,9}")) {
            throw new InvalidFormException(field, problem);
        }
        return Integer.parseInt(value.strip());
    }

    @GET
    @Path("{id:\\d{1,18}}")
    public Response reader(@RestPath long id, @RestQuery boolean added, @RestQuery Long group,
                           @Context HttpHeaders headers) {
        return pages.respond(headers, "reader " + id + " " + added + " " + group, () -> read(id, added, group, false));
    }

    /** The same reader and margin over the paper's original pages (404 when its text has no PDF). */
    @GET
    @Path("{id:\\d{1,18}}/pages")
    public Response pages(@RestPath long id, @RestQuery boolean added, @RestQuery Long group,
                          @Context HttpHeaders headers) {
        return pages.respond(headers, "pages " + id + " " + added + " " + group, () -> read(id, added, group, true));
    }

    private TemplateInstance read(long id, boolean added, Long group, boolean paged) {
        // A GET writes nothing: the page posts "seen up to this moment" once it is shown (seen.js,
        // or the "Mark as read" button without JavaScript), so a note saved while the page is
        // assembled stays new, and prefetchers and link previews mark nothing read.
        Instant visited = Instant.now();
        PaperDetail detail = papers.detail(id);
        List<GroupViews.Candidate> proposable = current.user().map(u -> groups.groupsToPropose(id, u)).orElse(List.of());
        DiscussionView discussion = annotations.discussion(id, detail.text().document(),
                current.user(), group);
        boolean canEdit = current.user().map(u -> papers.mayEdit(id, u)).orElse(false);
        GroupViews.ReaderPanel panel = null;
        if (discussion.groupId() != null) {
            panel = tracking.panel(discussion.groupId(), id, current.require()).orElse(null);
        }
        PdfView pdfView = pdf.view(detail, discussion, paged);
        return Templates.reader(detail, added, proposable, discussion, canEdit, panel, visited.toEpochMilli(), pdfView);
    }

    /** The reader's "Mark as read" button, for browsers without JavaScript. */
    @POST
    @Path("{id:\\d{1,18}}/seen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response seen(@RestPath long id, @RestForm Long groupId, @RestForm Long at) {
        CurrentUser.SignedIn user = current.require();
        if (groupId == null) {
            return Flash.redirect("/papers/" + id, "Choose a group.");
        }
        markers.seen(groupId, id, user, at == null ? null : Instant.ofEpochMilli(at));
        return Flash.redirect("/papers/" + id + "?group=" + groupId, "Marked as read.");
    }

    @POST
    @Path("{id:\\d{1,18}}/propose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@RestPath long id, @RestForm Long groupId) {
        CurrentUser.SignedIn user = current.require();
        if (groupId == null) {
            return Flash.redirect("/papers/" + id, "Choose a group.");
        }
        try {
            list.propose(groupId, user, id);
            return Flash.redirect("/papers/" + id, "Proposed to the group's reading list.");
        } catch (InvalidFormException e) {
            return Flash.redirect("/papers/" + id, e.getMessage());
        }
    }

    @POST
    @Path("{id:\\d{1,18}}/annotations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response annotate(@RestPath long id, @BeanParam AnnotationForm form) {
        CurrentUser.SignedIn user = current.require();
        return AnnotationResource.back(() -> notes.create(id, user, form.request()), annotations, current,
                "/papers/" + id + "?group=" + (form.groupId == null ? 0 : form.groupId), "Note saved.");
    }

    /** The edit form for those who may edit the paper directly; the same form proposes a change for everyone else. */
    @GET
    @Path("{id:\\d{1,18}}/edit")
    public TemplateInstance editForm(@RestPath long id) {
        PaperChangeService.EditView view = changes.editForm(id, current.require());
        return Templates.edit(id, view.form(), Map.of(), view.propose(), null);
    }

    @POST
    @Path("{id:\\d{1,18}}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@RestPath long id, @BeanParam PaperForm form) {
        CurrentUser.SignedIn user = current.require();
        return changeOrForm(id, form, false, () -> {
            PaperChangeService.Applied applied = changes.edit(id, user, form.draft(), form.version, form.reason);
            return Flash.redirect("/papers/" + id, savedMessage(applied));
        });
    }

    @POST
    @Path("{id:\\d{1,18}}/proposals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response proposeChange(@RestPath long id, @BeanParam PaperForm form) {
        CurrentUser.SignedIn user = current.require();
        return changeOrForm(id, form, true, () -> {
            changes.propose(id, user, form.draft(), form.version, form.reason);
            return Flash.redirect("/papers/" + id + "/history",
                    "Your proposal was sent to the administrators. Its state is shown here.");
        });
    }

    @GET
    @Path("{id:\\d{1,18}}/history")
    public TemplateInstance history(@RestPath long id) {
        return Templates.history(changes.history(id, current.user()));
    }

    /** What a saved change did, in one sentence for the flash message. */
    static String savedMessage(PaperChangeService.Applied applied) {
        if (!applied.changed()) {
            return "Nothing changed.";
        }
        return !applied.textChanged() ? "Paper saved."
                : "Saved as text version " + applied.textVersion() + ". Notes: " + applied.notes().kept() + " in place, "
                + applied.notes().moved() + " moved with their passage, " + applied.notes().detached() + " detached.";
    }

    /** Runs an edit or proposal; bad input re-renders the form (400), a conflict too (409), with what was typed. */
    private static Response changeOrForm(long id, PaperForm form, boolean propose, Supplier<Response> change) {
        try {
            return change.get();
        } catch (InvalidFormException e) {
            return Response.status(400).entity(Templates.edit(id, form, e.byField(), propose, null)).build();
        } catch (PaperConflictException e) {
            return Response.status(409).entity(Templates.edit(id, form, Map.of(), propose, e.getMessage())).build();
        }
    }

    @GET
    @Path("new")
    public TemplateInstance addForm(@RestQuery Long group) {
        PaperForm form = new PaperForm();
        form.groupId = group;
        return Templates.add(form, Map.of(), List.of(), groups.mine(current.require().id()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@BeanParam PaperForm form) {
        CurrentUser.SignedIn user = current.require();
        try {
            long id = papers.add(form.draft(), form.confirmDuplicate, user, form.groupId);
            return Response.seeOther(URI.create("/papers/" + id + "?added=true")).build();
        } catch (InvalidFormException e) {
            return Response.status(400).entity(Templates.add(form, e.byField(), List.of(), groups.mine(user.id()))).build();
        } catch (DuplicatePaperException e) {
            return Response.status(409).entity(Templates.add(form, Map.of(), e.matches(), groups.mine(user.id()))).build();
        }
    }
}
