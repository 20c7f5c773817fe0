package app.marginalia.web.notification;

import app.marginalia.web.system.CurrentUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;
import java.util.Map;

/** The inbox as JSON, for the header's unread count and for other clients. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationApiResource {

    /** The inbox: how many are unread, and the most recent notifications. */
    public record Inbox(long unread, List<NotificationService.View> notifications) {
    }

    private final NotificationService notifications;
    private final CurrentUser current;

    NotificationApiResource(NotificationService notifications, CurrentUser current) {
        this.notifications = notifications;
        this.current = current;
    }

    @GET
    public Inbox inbox() {
        CurrentUser.SignedIn user = current.require();
        return new Inbox(notifications.unread(user), notifications.inbox(user));
    }

    @GET
    @Path("unread")
    public Map<String, Long> unread() {
        return Map.of("unread", notifications.unread(current.require()));
    }

    @POST
    @Path("{id:\\d{1,18}}/read")
    public Map<String, Long> read(@RestPath long id) {
        CurrentUser.SignedIn user = current.require();
        notifications.markRead(user, id);
        return Map.of("unread", notifications.unread(user));
    }

    @POST
    @Path("read")
    public Map<String, Long> readAll() {
        CurrentUser.SignedIn user = current.require();
        return Map.of("marked", (long) notifications.markAllRead(user), "unread", notifications.unread(user));
    }
}
