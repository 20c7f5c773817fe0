package app.marginalia.core.discussion;

import java.util.List;
import java.util.function.Consumer;

/**
 * Delivers {@link LiveEvent}s from the transaction that caused them to every open stream.
 * The embedded default delivers in process; several application instances behind a load
 * balancer use one built on PostgreSQL LISTEN/NOTIFY instead: {@code publish} sends
 * {@link LiveEvent#wire()} with {@code NOTIFY} and a listening connection on every instance
 * hands what arrives to its local subscribers. Subscribers must not block.
 */
public interface Fanout {

    /** How many recent events a fan-out keeps for streams that reconnect. */
    int REPLAY = 1000;

    /** Hands the event to every subscriber; assigns and returns its sequence number. */
    LiveEvent publish(LiveEvent event);

    /** Starts delivering events to the listener until the subscription is closed. */
    Subscription subscribe(Consumer<LiveEvent> listener);

    /** The last sequence number handed out (0 before the first event). */
    long sequence();

    /** The kept events after {@code sequence}, oldest first, for a stream that reconnects. */
    List<LiveEvent> since(long sequence);

    /** A running subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
