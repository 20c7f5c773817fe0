package app.marginalia.web.seed;

import app.marginalia.web.system.MarginaliaConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Gives a new installation its seed library the first time it starts. */
@ApplicationScoped
class SeedOnFirstStart {

    void onStart(@Observes StartupEvent event, MarginaliaConfig config, SeedImporter importer) {
        if (config.seeds().importOnFirstStart() && importer.neverRan()) {
            importer.run("first start");
        }
    }
}
