package app.marginalia.web.event;

import io.quarkus.logging.Log;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * One connection that runs {@code LISTEN channel} on PostgreSQL and hands each notification's
 * payload to a callback, on its own daemon thread. It reconnects with backoff (0.5 s doubling to
 * 30 s) when the database goes away, and says so through {@code onListening} each time it is
 * listening again, since notifications sent while it was away are lost. Used by the live
 * fan-out and by the search index's outbox reader.
 */
public final class PgListener implements AutoCloseable {

    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final String channel;
    private final Consumer<String> onNotification;
    private final Runnable onListening;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    /**
     * Starts listening; {@code channel} must be a plain identifier (it is written into the
     * statement). {@code onListening} runs each time the connection is (re)established.
     */
    public PgListener(DataSource dataSource, String channel, String threadName, Consumer<String> onNotification,
                      Runnable onListening) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.dataSource = dataSource;
        this.channel = channel;
        this.onNotification = onNotification;
        this.onListening = onListening;
        this.thread = new Thread(this::listen, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the listening connection is up. */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                backoff = 500;
                onListening.run();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        onNotification.accept(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                Log.warnf("Listener on %s lost its connection (%s); retrying in %d ms", channel, e.getMessage(), backoff);
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
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
