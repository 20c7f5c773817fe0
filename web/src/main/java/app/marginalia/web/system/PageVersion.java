package app.marginalia.web.system;

import app.marginalia.core.discussion.DiscussionEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that moves after every change anyone makes, so a page rendered at one value is known
 * to be current while the value stands ({@link RenderedPages}). It moves when a request that may
 * write (any method but GET, HEAD, OPTIONS: a GET writes nothing here) has ended, whatever its
 * outcome — by then its transaction has committed or rolled back — and after every committed
 * discussion event, for commands that run outside a request.
 * <p>
 * The embedded H2 database belongs to one process, so a counter in memory is exact. On PostgreSQL
 * several instances may share the database: the value then also carries the database sequence
 * {@code page_version}, which every instance advances after its writes, read with each page.
 * <p>
 * Reading the value before rendering and moving it after the commit is what makes a cached page
 * never stale: a page that read the old value may show the new data (it is then re-rendered once
 * more than needed), but a page that read the new value was rendered after the commit.
 */
@ApplicationScoped
public class PageVersion {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final AtomicLong local = new AtomicLong();
    private final boolean shared;
    private final AgroalDataSource dataSource;
    private final ExecutorService advancing;

    PageVersion(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind, AgroalDataSource dataSource) {
        this.shared = !"h2".equalsIgnoreCase(dbKind);
        this.dataSource = dataSource;
        this.advancing = shared ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "page-version");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** The current value; read it before reading what a page shows. */
    public String current() {
        long mine = local.get();
        if (!shared) {
            return Long.toString(mine);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select last_value from page_version")) {
            r.next();
            return mine + "." + r.getLong(1);
        } catch (SQLException e) {
            // Without the shared value nothing can be known current: a value that matches nothing.
            return mine + ".unknown." + System.nanoTime();
        }
    }

    /**
     * The value when it is known without asking the database (one instance on H2), for answering
     * a revalidation before the request reaches the application; empty when it is shared.
     */
    java.util.Optional<String> local() {
        return shared ? java.util.Optional.empty() : java.util.Optional.of(Long.toString(local.get()));
    }

    /** Moves the value: whatever was rendered before is no longer known to be current. */
    public void advance() {
        local.incrementAndGet();
        if (shared) {
            advancing.execute(this::advanceShared);
        }
    }

    private void advanceShared() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select nextval('page_version')")) {
            r.next();
        } catch (SQLException e) {
            Log.warnf("Could not advance the shared page version: %s", e.getMessage());
        }
    }

    void afterEveryWrite(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (!READS.contains(context.request().method())) {
                context.addEndHandler(ended -> advance());
            }
            context.next();
        });
    }

    /**
     * On PostgreSQL, a write's answer leaves only once the shared value has moved: another
     * instance asked right after the answer knows the page changed. (The end of the request moves
     * it again, and the local value, whatever happened.) Runs after the resource, so after its commit.
     */
    @ServerResponseFilter
    public void beforeAnswer(ContainerRequestContext request) {
        if (shared && !READS.contains(HttpMethod.valueOf(request.getMethod()))) {
            if (io.vertx.core.Context.isOnEventLoopThread()) {
                advancing.execute(this::advanceShared);
            } else {
                advanceShared();
            }
        }
    }

    void afterEvent(@Observes(during = TransactionPhase.AFTER_SUCCESS) DiscussionEvent event) {
        advance();
    }
}
