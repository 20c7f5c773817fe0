package app.marginalia.web.system;

import app.marginalia.web.annotation.EditConflictException;
import app.marginalia.web.annotation.UnprocessableException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.LinkedHashMap;
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

    /** 409 with what was typed, the current version and (when known) the other person's text. */
    @ServerExceptionMapper
    public Response conflict(EditConflictException e, HttpServerRequest request) {
        if (!wantsJson(request)) {
            return respond(request, 409, "Edit conflict", e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 409);
        body.put("error", "Edit conflict");
        body.put("message", e.getMessage());
        body.put("body", e.typed().body());
        body.put("tags", e.typed().tags());
        body.put("currentVersion", e.currentVersion());
        body.put("currentBody", e.currentBody());
        return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidFormException e, HttpServerRequest request) {
        return respond(request, 400, "Invalid input", e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (isConflict(e)) {
            // A safety net: known races are handled where they happen (row locks, request keys);
            // one that still reaches the database's own checks was refused there, nothing was
            // written, and the person can simply try again. Not an error of the server.
            LOG.debugf(e, "Conflicting write refused: %s %s", request.method(), request.path());
            return respond(request, 409, "Conflict",
                    "Someone else changed this at the same moment, so nothing was saved. Reload the page and try again.");
        }
        if (isUndecodable(e)) {
            return respond(request, 400, "Invalid input",
                    "The request is not valid form or URL encoding (a '%' must be followed by two hex digits of UTF-8).");
        }
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

    /**
     * Whether a failure, or anything it wraps (a commit wraps the database's refusal), is a
     * concurrent write the database refused: a stale version, a lock that could not be had, a
     * unique or other integrity constraint.
     */
    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException || t instanceof StaleStateException
                    || t instanceof ConstraintViolationException || t instanceof LockAcquisitionException
                    || t instanceof SQLIntegrityConstraintViolationException || t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the framework could not percent-decode the request's form body or address: it
     * throws a bare IllegalArgumentException from its URL decoder, before any of our code runs.
     */
    static boolean isUndecodable(Throwable e) {
        return e instanceof IllegalArgumentException && e.getStackTrace().length > 0
                && e.getStackTrace()[0].getClassName().equals("org.jboss.resteasy.reactive.common.util.URLUtils");
    }

    private static boolean wantsJson(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.path().startsWith("/api/")
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }
}
