package app.marginalia.web.group;

import app.marginalia.web.system.CurrentUser;
import app.marginalia.web.system.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/** An invitation link: what it offers, and joining through it. */
@Path("/invite/{token}")
@Produces(MediaType.TEXT_HTML)
public class InviteResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitation(GroupViews.InvitationPreview invitation, boolean signedIn);
    }

    private final GroupPageReadModel pages;
    private final MembershipCommands members;
    private final CurrentUser current;

    InviteResource(GroupPageReadModel pages, MembershipCommands members, CurrentUser current) {
        this.pages = pages;
        this.members = members;
        this.current = current;
    }

    @GET
    public TemplateInstance show(@RestPath String token) {
        return Templates.invitation(pages.preview(token, current.user()), current.isSignedIn());
    }

    @POST
    public Response join(@RestPath String token) {
        long groupId = members.join(token, current.require());
        return Flash.redirect("/groups/" + groupId, "Welcome to the group.");
    }
}
