package app.marginalia.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Where this instance's search index stands, for operators and scripts (the crash test checks
 * that a restart caught up without a rebuild): rebuilds since start, events caught up at start
 * (-1 when it rebuilt instead), the outbox watermark and how many ids are waited for. Always up:
 * search answers from what it has while it catches up.
 */
@Readiness
@ApplicationScoped
public class SearchHealthCheck implements HealthCheck {

    private final SearchIndexer indexer;

    SearchHealthCheck(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search").up()
                .withData("rebuilds", indexer.rebuilds())
                .withData("caughtUp", indexer.caughtUp())
                .withData("watermark", indexer.watermark())
                .withData("waitingFor", indexer.holes().stream().mapToLong(h -> h.end() - h.start() + 1).sum())
                .build();
    }
}
