package app.marginalia.web.live;

import app.marginalia.core.discussion.Fanout;
import app.marginalia.core.discussion.LiveEvent;
import app.marginalia.web.event.PgListener;
import io.quarkus.logging.Log;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fan-out for several application instances on one PostgreSQL database: {@code publish}
 * sends the event with {@code NOTIFY}, and every instance (this one included) listens on its
 * own connection and hands what arrives to its local streams, numbered and kept for replay by
 * an {@link InProcessFanout}. PostgreSQL delivers a notification only after its transaction
 * commits, and the events are sent after the application's commit anyway. The listening
 * connection ({@link PgListener}) reconnects with backoff if the database goes away.
 */
public final class PostgresFanout implements Fanout, AutoCloseable {

    static final String CHANNEL = "marginalia_events";

    private final DataSource dataSource;
    private final InProcessFanout local = new InProcessFanout();
    private final PgListener listener;

    public PostgresFanout(DataSource dataSource) {
        this.dataSource = dataSource;
        this.listener = new PgListener(dataSource, CHANNEL, "marginalia-pg-listen",
                wire -> LiveEvent.fromWire(wire).ifPresentOrElse(local::publish,
                        () -> Log.warnf("Ignored a malformed live event: %s", wire)), () -> { });
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
        return listener.listening();
    }

    @Override
    public void close() {
        listener.close();
    }
}
