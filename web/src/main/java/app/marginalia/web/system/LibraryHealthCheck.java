package app.marginalia.web.system;

import app.marginalia.web.paper.PaperService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports, beside the datasource check, that the library's tables answer and how full they are. */
@Readiness
@ApplicationScoped
public class LibraryHealthCheck implements HealthCheck {

    private final PaperService papers;

    LibraryHealthCheck(PaperService papers) {
        this.papers = papers;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("library").up().withData("papers", papers.count()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("library").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
