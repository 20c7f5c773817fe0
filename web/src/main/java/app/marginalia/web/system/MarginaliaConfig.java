package app.marginalia.web.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** Marginalia's own settings, under the {@code marginalia.} prefix. */
@ConfigMapping(prefix = "marginalia")
public interface MarginaliaConfig {

    /** Directory of the embedded database and other local state. */
    @WithDefault("./data")
    Path dataDir();

    Seeds seeds();

    /** The seed library imported into a new installation. */
    interface Seeds {

        /** Import on the first start, when no import has ever run in this database. */
        @WithDefault("true")
        boolean importOnFirstStart();

        /**
         * Read seed documents from this directory instead of the copy packaged in the
         * application: every {@code NNN_*.txt} file, and {@code known-titles.tsv} if present.
         */
        Optional<Path> directory();
    }
}
