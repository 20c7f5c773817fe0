package app.marginalia.web.live;

import app.marginalia.core.discussion.Fanout;
import app.marginalia.core.discussion.LiveEvent;
import io.quarkus.logging.Log;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fan-out for several application instances on one PostgreSQL database: {@code publish}
 * sends the event with {@code NOTIFY}, and every instance (this one included) listens on its
 * own connection and hands what arrives to its local streams, numbered and kept for replay by
 * an {@link InProcessFanout}. PostgreSQL delivers a notification only after its transaction
 * commits, and the events are sent after the application's commit anyway. The listening
 * connection reconnects with backoff if the database goes away.
 */
public final class PostgresFanout implements Fanout, AutoCloseable {

    static final String CHANNEL = "marginalia_events";
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final InProcessFanout local = new InProcessFanout();
    private final Thread listener;
    private volatile boolean running = true;
    private volatile boolean listening;

    public PostgresFanout(DataSource dataSource) {
        this.dataSource = dataSource;
        this.listener = new Thread(this::listen, "marginalia-pg-listen");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public LiveEvent publish(LiveEvent event) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, event.wire());
            notify.execute();
        } catch (SQLException e) {
            Log.warnf(e, "Could not send a live event to the other instances");
        }
        return event;
    }

    @Override
    public Subscription subscribe(Consumer<LiveEvent> listener) {
        return local.subscribe(listener);
    }

    @Override
    public long sequence() {
        return local.sequence();
    }

    @Override
    public List<LiveEvent> since(long sequence) {
        return local.since(sequence);
    }

    /** Whether the listening connection is up: events from any instance arrive. */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                backoff = 500;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        LiveEvent.fromWire(n.getParameter()).ifPresentOrElse(local::publish,
                                () -> Log.warnf("Ignored a malformed live event: %s", n.getParameter()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                Log.warnf("Live-event listener lost its connection (%s); retrying in %d ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
        listening = false;
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
