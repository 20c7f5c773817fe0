package app.marginalia.web.system;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Marginalia's own settings, under the {@code marginalia.} prefix. */
@ConfigMapping(prefix = "marginalia")
public interface MarginaliaConfig {

    /** Directory of the embedded database and other local state. */
    @WithDefault("./data")
    Path dataDir();

    /** When true, only signed-in members see anything but the sign-in and registration pages. */
    @WithDefault("false")
    boolean membersOnly();

    /** The time zone new groups schedule their meetings in, until they choose another. */
    @WithDefault("UTC")
    String defaultTimeZone();

    Seeds seeds();

    Session session();

    RateLimits rateLimits();

    Live live();

    // ---- Base URL and live-stream limits (issue 11: Host header, fair live streams) ----

    /**
     * The address people reach this instance at, such as {@code https://reading.example.org}:
     * the only source of absolute links (invitation links). Never taken from the request's
     * {@code Host} header, which any client can set. Unset: redirects are relative and
     * invitation links are shown with the address the browser itself loaded the page from.
     */
    Optional<java.net.URI> baseUrl();

    /** Live updates. */
    interface Live {

        /** How events reach the open pages: one instance, or several sharing a PostgreSQL database. */
        enum FanoutKind { IN_PROCESS, POSTGRESQL }

        /**
         * {@code in-process} (the default) or {@code postgresql}: LISTEN/NOTIFY through the
         * database, for several application instances behind one address.
         */
        @WithDefault("in-process")
        FanoutKind fanout();

        /** Open live streams one account may hold (its tabs and devices). */
        @WithDefault("12")
        int streamsPerAccount();

        /**
         * Open live streams from one network address, whoever is signed in there: keeps one
         * party with many accounts from taking every slot. Raise it for a whole organisation
         * behind one address.
         */
        @WithDefault("60")
        int streamsPerAddress();

        /** Open live streams on this instance in all. */
        @WithDefault("2000")
        int streamsTotal();
    }

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

    /** Signed session cookies. */
    interface Session {

        /**
         * The signing key, at least 32 characters. Without one, a random key is generated once
         * and kept in {@code <data-dir>/session.key}; several instances must share one key.
         */
        Optional<String> key();

        /** How long a sign-in lasts without activity. */
        @WithDefault("P14D")
        Duration maxAge();
    }

    /** Explicit limits on attempts; a refused attempt gets 429 with Retry-After. */
    interface RateLimits {

        @WithDefault("10")
        int loginsPerAccount();

        @WithDefault("30")
        int loginsPerAddress();

        @WithDefault("PT15M")
        Duration loginWindow();

        @WithDefault("5")
        int registrationsPerAddress();

        @WithDefault("PT1H")
        Duration registrationWindow();

        @WithDefault("120")
        int writesPerAccount();

        @WithDefault("PT1M")
        Duration writeWindow();
    }
}
