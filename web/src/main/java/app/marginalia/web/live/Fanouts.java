package app.marginalia.web.live;

import app.marginalia.core.discussion.Fanout;
import app.marginalia.web.system.MarginaliaConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/**
 * Chooses the fan-out: {@code marginalia.live.fanout=in-process} (the default: one instance)
 * or {@code postgresql} (several instances on one PostgreSQL database).
 */
@ApplicationScoped
class Fanouts {

    @Produces
    @ApplicationScoped
    Fanout fanout(MarginaliaConfig config, AgroalDataSource dataSource) {
        Log.infof("Live events: %s", config.live().fanout() == MarginaliaConfig.Live.FanoutKind.POSTGRESQL
                ? "through PostgreSQL LISTEN/NOTIFY, for several instances" : "in process");
        return switch (config.live().fanout()) {
            case IN_PROCESS -> new InProcessFanout();
            case POSTGRESQL -> new PostgresFanout(dataSource);
        };
    }

    void close(@Disposes Fanout fanout) {
        if (fanout instanceof PostgresFanout postgres) {
            postgres.close();
        }
    }
}
