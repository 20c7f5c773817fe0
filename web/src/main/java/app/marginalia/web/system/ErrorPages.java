package app.marginalia.web.system;

import app.marginalia.web.annotation.EditConflictException;
import app.marginalia.web.annotation.UnprocessableException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Turns every failure into a page or a JSON body with a clear message and the right status,
 * never a stack trace: JSON under {@code /api/}, or when the client asks for it; HTML otherwise.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return respond(request, 404, "Not found", "There is nothing at this address. It may have been moved or deleted.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(request, status, "Something went wrong", "The server could not complete this request.");
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(request, status, reason, e.getMessage() == null ? reason : e.getMessage());
    }

    @ServerExceptionMapper
    public Response notSignedIn(NotSignedInException e, HttpServerRequest request) {
        if (wantsJson(request)) {
            return respond(request, 401, "Sign in", "Sign in to continue.");
        }
        String next = "GET".equals(request.method().name()) ? request.uri() : "/";
        return Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))).build();
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e, HttpServerRequest request) {
        return Response.fromResponse(respond(request, 429, "Too many requests", e.getMessage()))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableException e, HttpServerRequest request) {
        return respond(request, 422, "Cannot do that", e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(EditConflictException e, HttpServerRequest request) {
        return respond(request, 409, "Edit conflict", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(InvalidFormException e, HttpServerRequest request) {
        return respond(request, 400, "Invalid input", e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        LOG.error("Unexpected failure", e);
        return respond(request, 500, "Something went wrong",
                "The server could not complete this request. Nothing was changed; please try again.");
    }

    static Response respond(HttpServerRequest request, int status, String title, String message) {
        if (wantsJson(request)) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("status", status, "error", title, "message", message)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, message)).build();
    }

    private static boolean wantsJson(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.path().startsWith("/api/")
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }
}
