package app.marginalia.web.system;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.regex.Pattern;

/**
 * Request bodies may be 5 MB, except the two PDF uploads, which may be up to the PDF limit
 * (100 MB, {@code quarkus.http.limits.max-body-size} is set just above it). Quarkus has one body
 * limit for the whole server, so this route, ahead of every other, refuses a larger declared body
 * anywhere else with 413 before a byte of it is read; a chunked body without a length still stops
 * at the server's limit.
 */
@ApplicationScoped
public class BodyLimits {

    /** The body limit of every route but the PDF uploads. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private static final Pattern PDF_UPLOADS = Pattern.compile("/papers/(new|\\d{1,18})/pdf");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && tooLong(length) && !PDF_UPLOADS.matcher(context.normalizedPath()).matches()) {
                context.response().setStatusCode(413)
                        .putHeader("Content-Type", "text/plain; charset=UTF-8")
                        .putHeader("Connection", "close")
                        .end("The request is larger than 5 MB, the limit for everything but PDF uploads.");
                return;
            }
            context.next();
        });
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.strip()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
