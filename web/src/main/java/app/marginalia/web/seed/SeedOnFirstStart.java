package app.marginalia.web.seed;

import app.marginalia.web.system.MarginaliaConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives a new installation its seed library the first time it starts. Start-up waits while
 * another instance imports, so an instance answers health checks only once the library is there.
 */
@ApplicationScoped
class SeedOnFirstStart {

    void onStart(@Observes StartupEvent event, MarginaliaConfig config, SeedImporter importer) {
        if (config.seeds().importOnFirstStart()) {
            importer.runOnFirstStart();
        }
    }
}
