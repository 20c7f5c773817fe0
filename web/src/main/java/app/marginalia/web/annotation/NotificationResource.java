package app.marginalia.web.annotation;

import app.marginalia.persistence.annotation.Notification;
import app.marginalia.web.system.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Mentions and replies addressed to the signed-in member; viewing them marks them read. */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
public class NotificationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(List<Notification> notifications);
    }

    private final AnnotationService annotations;
    private final CurrentUser current;

    NotificationResource(AnnotationService annotations, CurrentUser current) {
        this.annotations = annotations;
        this.current = current;
    }

    @GET
    public TemplateInstance list() {
        CurrentUser.SignedIn user = current.require();
        TemplateInstance page = Templates.notifications(annotations.notifications(user));
        annotations.markNotificationsRead(user);
        return page;
    }
}
