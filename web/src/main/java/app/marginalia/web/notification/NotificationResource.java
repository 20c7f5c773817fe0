package app.marginalia.web.notification;

import app.marginalia.web.system.CurrentUser;
import app.marginalia.web.system.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/** The inbox page; opening a notification marks it read, and all can be marked read at once. */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class NotificationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(List<NotificationService.View> notifications, long unread);
    }

    private final NotificationService notifications;
    private final CurrentUser current;

    NotificationResource(NotificationService notifications, CurrentUser current) {
        this.notifications = notifications;
        this.current = current;
    }

    @GET
    public TemplateInstance list() {
        CurrentUser.SignedIn user = current.require();
        return Templates.notifications(notifications.inbox(user), notifications.unread(user));
    }

    /** Marks one read; with {@code open=true} goes on to what it is about, otherwise back to the inbox. */
    @POST
    @Path("{id:\\d{1,18}}/read")
    public Response read(@RestPath long id, @RestForm boolean open) {
        String target = notifications.markRead(current.require(), id);
        return open ? Flash.redirect(target) : Flash.redirect("/notifications", "Marked as read.");
    }

    @POST
    @Path("read")
    public Response readAll() {
        int marked = notifications.markAllRead(current.require());
        return Flash.redirect("/notifications", marked == 0 ? "Nothing was unread."
                : marked == 1 ? "1 notification marked as read." : marked + " notifications marked as read.");
    }
}
