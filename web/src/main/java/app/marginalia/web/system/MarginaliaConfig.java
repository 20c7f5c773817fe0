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

    Search search();

    Pages pages();

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

    /**
     * The search index, which follows the event outbox (see {@code web.search.SearchIndexer}).
     */
    interface Search {

        /**
         * How long a missing outbox id is waited for before it is given up as a rolled-back
         * transaction. Must be longer than any write transaction lasts: a row that commits later
         * than this after taking its id is never applied (until a rebuild).
         */
        @WithDefault("PT60S")
        Duration outboxGrace();

        /** How long outbox rows are kept; an index that was away longer is rebuilt. */
        @WithDefault("P7D")
        Duration outboxRetention();

        /** How often the outbox is read when nothing wakes the reader: the safety net. */
        @WithDefault("PT1S")
        Duration poll();

        /**
         * How long a search waits for the index to apply what woke it (read your writes) before
         * answering from what the index has.
         */
        @WithDefault("PT2S")
        Duration readYourWrites();
    }

    /** The seed library imported into a new installation. */
    /** Rendered pages kept per viewer ({@link RenderedPages}). */
    interface Pages {
        /** Bytes of compressed pages kept at most; the least recently used go first. */
        @WithDefault("33554432")
        long cacheBytes();
    }

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
