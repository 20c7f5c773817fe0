package app.marginalia.web.group;

import app.marginalia.core.group.ReadingStatus;
import app.marginalia.core.group.Role;
import app.marginalia.web.system.CurrentUser;
import app.marginalia.web.system.Flash;
import app.marginalia.web.system.InvalidFormException;
import app.marginalia.web.system.LocationHeaders;
import app.marginalia.web.system.MarginaliaConfig;
import app.marginalia.web.system.SafeRedirect;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Reading groups' pages and the forms that change them; every change redirects back (PRG). */
@Path("/groups")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class GroupResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance groups(List<GroupViews.GroupSummary> groups);

        static native TemplateInstance create(GroupForm form, Map<String, String> errors, List<String> zones);

        static native TemplateInstance group(GroupViews.Page page);

        static native TemplateInstance members(GroupViews.MembersPage page, String newLink);

        static native TemplateInstance settings(long id, String name, GroupForm form, boolean canDelete,
                                                Map<String, String> errors, List<String> zones);

        static native TemplateInstance activity(GroupViews.FeedPage feed);

        static native TemplateInstance agenda(GroupViews.Agenda agenda);
    }

    /** Markdown downloads are plain UTF-8 text with a file name. */
    private static final String MARKDOWN = "text/markdown; charset=UTF-8";

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    private final GroupPageReadModel pages;
    private final TrackingReadModel tracking;
    private final AgendaReadModel meetings;
    private final GroupCommands groups;
    private final MembershipCommands members;
    private final ReadingListCommands list;
    private final ConclusionCommand conclusions;
    private final CurrentUser current;
    private final MarginaliaConfig config;

    GroupResource(GroupPageReadModel pages, TrackingReadModel tracking, AgendaReadModel meetings, GroupCommands groups,
                  MembershipCommands members, ReadingListCommands list, ConclusionCommand conclusions,
                  CurrentUser current, MarginaliaConfig config) {
        this.pages = pages;
        this.tracking = tracking;
        this.meetings = meetings;
        this.groups = groups;
        this.members = members;
        this.list = list;
        this.conclusions = conclusions;
        this.current = current;
        this.config = config;
    }

    @GET
    public TemplateInstance list() {
        return Templates.groups(pages.mine(current.require().id()));
    }

    @GET
    @Path("new")
    public TemplateInstance createForm() {
        current.require();
        GroupForm form = new GroupForm();
        form.timeZone = config.defaultTimeZone();
        return Templates.create(form, Map.of(), ZONES);
    }

    @POST
    public Response create(@BeanParam GroupForm form) {
        try {
            long id = groups.create(current.require(), form);
            return Flash.redirect("/groups/" + id, "Your group is ready. Invite people from its Members page.");
        } catch (InvalidFormException e) {
            return Response.status(400).entity(Templates.create(form, e.byField(), ZONES)).build();
        }
    }

    @GET
    @Path("{id:\\d{1,18}}")
    public TemplateInstance group(@RestPath long id, @RestQuery String find) {
        return Templates.group(pages.page(id, current.require(), find));
    }

    @GET
    @Path("{id:\\d{1,18}}/members")
    public TemplateInstance members(@RestPath long id, @RestQuery("new") Long created) {
        // Invitation links start with the configured address, never the request's Host header;
        // without one they are paths that the page completes with the address the browser loaded.
        String base = LocationHeaders.baseUrl(config).orElse("");
        GroupViews.MembersPage page = pages.membersPage(id, current.require(), base + "/");
        String newLink = page.invitations().stream().filter(i -> i.usable() && Long.valueOf(i.id()).equals(created))
                .map(GroupViews.InvitationView::url).findFirst().orElse(null);
        return Templates.members(page, newLink);
    }

    @GET
    @Path("{id:\\d{1,18}}/settings")
    public TemplateInstance settings(@RestPath long id) {
        GroupViews.Page page = pages.page(id, current.require());
        if (!page.can().edit()) {
            throw new ForbiddenException("Only the group's owners and moderators can change its settings.");
        }
        GroupForm form = new GroupForm();
        form.name = page.name();
        form.description = page.description();
        form.timeZone = page.timeZone();
        return Templates.settings(id, page.name(), form, page.can().delete(), Map.of(), ZONES);
    }

    @POST
    @Path("{id:\\d{1,18}}/settings")
    public Response edit(@RestPath long id, @BeanParam GroupForm form) {
        return change(id, () -> groups.edit(id, current.require(), form), "/groups/" + id, "Settings saved.",
                e -> Templates.settings(id, form.cleanName(), form, false, e.byField(), ZONES));
    }

    @POST
    @Path("{id:\\d{1,18}}/delete")
    public Response delete(@RestPath long id, @RestForm String confirmName) {
        try {
            String name = groups.delete(id, current.require(), confirmName);
            return Flash.redirect("/groups", "“" + name + "” and everything in it was deleted.");
        } catch (InvalidFormException e) {
            return Flash.redirect("/groups/" + id + "/settings", e.getMessage());
        }
    }

    @POST
    @Path("{id:\\d{1,18}}/invitations")
    public Response invite(@RestPath long id, @RestForm Integer days, @RestForm Integer maxUses) {
        try {
            long invitation = groups.createInvitation(id, current.require(), days == null ? 14 : days, maxUses);
            return Flash.redirect("/groups/" + id + "/members?new=" + invitation, "Invitation link created.");
        } catch (InvalidFormException e) {
            return Flash.redirect("/groups/" + id + "/members", e.getMessage());
        }
    }

    @POST
    @Path("{id:\\d{1,18}}/invitations/{invitationId:\\d{1,18}}/revoke")
    public Response revoke(@RestPath long id, @RestPath long invitationId) {
        groups.revokeInvitation(id, current.require(), invitationId);
        return Flash.redirect("/groups/" + id + "/members", "The invitation link no longer works.");
    }

    @POST
    @Path("{id:\\d{1,18}}/members/{accountId:\\d{1,18}}/role")
    public Response role(@RestPath long id, @RestPath long accountId, @RestForm String role) {
        Role chosen = Role.parse(role).orElseThrow(() -> new BadRequestException("Unknown role."));
        return change(id, () -> members.changeRole(id, current.require(), accountId, chosen),
                "/groups/" + id + "/members", "Role changed.", null);
    }

    @POST
    @Path("{id:\\d{1,18}}/members/{accountId:\\d{1,18}}/remove")
    public Response remove(@RestPath long id, @RestPath long accountId) {
        return change(id, () -> members.removeMember(id, current.require(), accountId),
                "/groups/" + id + "/members", "Member removed.", null);
    }

    @POST
    @Path("{id:\\d{1,18}}/transfer")
    public Response transfer(@RestPath long id, @RestForm Long accountId) {
        if (accountId == null) {
            throw new BadRequestException("Choose the member who becomes the owner.");
        }
        return change(id, () -> members.transferOwnership(id, current.require(), accountId),
                "/groups/" + id + "/members", "Ownership handed over. You are now a moderator.", null);
    }

    @POST
    @Path("{id:\\d{1,18}}/leave")
    public Response leave(@RestPath long id) {
        try {
            members.leave(id, current.require());
            return Flash.redirect("/groups", "You left the group.");
        } catch (InvalidFormException e) {
            return Flash.redirect("/groups/" + id + "/members", e.getMessage());
        }
    }

    @POST
    @Path("{id:\\d{1,18}}/list")
    public Response propose(@RestPath long id, @RestForm Long paperId, @RestForm String back) {
        // The library's "add to this group's list" buttons come back to the page of the library they were on.
        String page = back != null && (back.equals("/papers") || back.startsWith("/papers?"))
                ? SafeRedirect.localPath(back, "/groups/" + id) : "/groups/" + id;
        if (paperId == null) {
            return Flash.redirect(page, "Choose a paper to add.");
        }
        return change(id, () -> list.propose(id, current.require(), paperId), page,
                "Added to the reading list as proposed.", null);
    }

    @POST
    @Path("{id:\\d{1,18}}/list/{entryId:\\d{1,18}}/status")
    public Response status(@RestPath long id, @RestPath long entryId, @RestForm String status,
                           @RestForm String meetingAt) {
        ReadingStatus to = ReadingStatus.parse(status)
                .orElseThrow(() -> new BadRequestException("Unknown reading status."));
        return change(id, () -> list.changeStatus(id, current.require(), entryId, to, meetingAt),
                "/groups/" + id, "Moved to " + to.label().toLowerCase(Locale.ROOT) + ".", null);
    }

    @POST
    @Path("{id:\\d{1,18}}/list/{entryId:\\d{1,18}}/meeting")
    public Response meeting(@RestPath long id, @RestPath long entryId, @RestForm String meetingAt) {
        return change(id, () -> list.schedule(id, current.require(), entryId, meetingAt), "/groups/" + id,
                "Meeting scheduled.", null);
    }

    @POST
    @Path("{id:\\d{1,18}}/list/{entryId:\\d{1,18}}/vote")
    public Response vote(@RestPath long id, @RestPath long entryId, @RestForm Boolean cast) {
        return change(id, () -> list.vote(id, current.require(), entryId, cast), "/groups/" + id, null, null);
    }

    @POST
    @Path("{id:\\d{1,18}}/list/{entryId:\\d{1,18}}/remove")
    public Response removeEntry(@RestPath long id, @RestPath long entryId) {
        return change(id, () -> list.removeEntry(id, current.require(), entryId), "/groups/" + id,
                "Removed from the reading list.", null);
    }

    @GET
    @Path("{id:\\d{1,18}}/activity")
    public TemplateInstance activity(@RestPath long id, @RestQuery Long paper, @RestQuery Long member,
                                     @RestQuery String kind, @RestQuery Integer page) {
        return Templates.activity(tracking.feed(id, current.require(), paper, member, kind, page == null ? 1 : page));
    }

    @GET
    @Path("{id:\\d{1,18}}/digest")
    @Produces(MARKDOWN)
    public Response digest(@RestPath long id, @RestQuery String from, @RestQuery String to) {
        CurrentUser.SignedIn user = current.require();
        String markdown = tracking.digest(id, user, from, to);
        return download(markdown, tracking.groupName(id, user) + " digest");
    }

    @GET
    @Path("{id:\\d{1,18}}/papers/{paperId:\\d{1,18}}/agenda")
    public TemplateInstance agenda(@RestPath long id, @RestPath long paperId) {
        return Templates.agenda(meetings.agenda(id, paperId, current.require()));
    }

    @GET
    @Path("{id:\\d{1,18}}/papers/{paperId:\\d{1,18}}/minutes")
    @Produces(MARKDOWN)
    public Response minutes(@RestPath long id, @RestPath long paperId) {
        String markdown = meetings.minutes(id, paperId, current.require());
        return download(markdown, markdown.lines().findFirst().orElse("minutes").replaceFirst("^# ", ""));
    }

    @POST
    @Path("{id:\\d{1,18}}/papers/{paperId:\\d{1,18}}/conclusion")
    public Response conclude(@RestPath long id, @RestPath long paperId, @RestForm String conclusion) {
        String agenda = "/groups/" + id + "/papers/" + paperId + "/agenda";
        return change(id, () -> conclusions.conclude(id, paperId, current.require(), conclusion), agenda,
                "Conclusion recorded; it is pinned at the top of the paper.", null);
    }

    /** A Markdown attachment named after its subject, safe in any header. */
    static Response download(String markdown, String subject) {
        String name = subject.replace("\\", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-+|-+$)", "")
                .toLowerCase(Locale.ROOT);
        name = (name.isEmpty() ? "marginalia" : name.length() > 80 ? name.substring(0, 80) : name) + ".md";
        return Response.ok(markdown, MARKDOWN).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    /**
     * Runs one change and redirects back with a message; a broken rule redirects back with the
     * rule's message, or re-renders the form when the caller gives one.
     */
    private static Response change(long id, Runnable action, String back, String done,
                                   Function<InvalidFormException, TemplateInstance> form) {
        try {
            action.run();
            return done == null ? Flash.redirect(back) : Flash.redirect(back, done);
        } catch (InvalidFormException e) {
            if (form != null) {
                return Response.status(400).entity(form.apply(e)).build();
            }
            return Flash.redirect(back, e.getMessage());
        }
    }
}
