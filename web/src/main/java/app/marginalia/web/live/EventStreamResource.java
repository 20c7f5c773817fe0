package app.marginalia.web.live;

import app.marginalia.persistence.group.Membership;
import app.marginalia.web.system.ClientAddress;
import app.marginalia.web.system.CurrentUser;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Set;

/**
 * One stream of live events per open page (or per browser, when its tabs share one): the
 * signed-in person's notifications and every change in the discussions they can see. Events
 * carry ids only; pages fetch what changed through the ordinary routes, which check access again.
 */
@Path("/api/events")
public class EventStreamResource {

    private final CurrentUser current;
    private final LiveStreams streams;

    EventStreamResource(CurrentUser current, LiveStreams streams) {
        this.current = current;
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context HttpServerRequest request,
                       @RestQuery Long since, @HeaderParam("Last-Event-ID") Long lastEventId) {
        CurrentUser.SignedIn user = current.require();
        streams.open(user.id(), ClientAddress.of(request), () -> Set.copyOf(Membership.groupIdsOf(user.id())),
                lastEventId != null ? lastEventId : since, sink, sse);
    }
}
