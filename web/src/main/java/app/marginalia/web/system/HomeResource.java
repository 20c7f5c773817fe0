package app.marginalia.web.system;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The front door: a new user starts in the library. */
@Path("/")
public class HomeResource {

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/papers")).build();
    }
}
