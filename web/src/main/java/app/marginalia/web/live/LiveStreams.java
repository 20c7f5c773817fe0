package app.marginalia.web.live;

import app.marginalia.core.discussion.Fanout;
import app.marginalia.core.discussion.LiveEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The open event streams of this instance. Each stream knows its person and their groups
 * when it opened, and receives only the events {@link LiveEvent#audience} allows them; a
 * change of their memberships closes their streams so they reopen with the new ones. A
 * comment every {@value #HEARTBEAT_SECONDS} seconds keeps proxies from closing idle streams
 * and finds streams whose page has gone.
 */
@ApplicationScoped
public class LiveStreams {

    /** Open streams per person (tabs, devices) and in all. */
    public static final int PER_ACCOUNT = 12, TOTAL = 2000;
    static final int HEARTBEAT_SECONDS = 15;

    /** Tells a reconnecting client whether the sequence numbers it remembers still mean anything. */
    private final String instance = UUID.randomUUID().toString();
    private final Map<Stream, Boolean> streams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "marginalia-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Fanout fanout;
    private final Fanout.Subscription subscription;

    LiveStreams(Fanout fanout) {
        this.fanout = fanout;
        this.subscription = fanout.subscribe(this::deliver);
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** One open stream. */
    final class Stream {
        final long accountId;
        final Set<Long> groups;
        final SseEventSink sink;
        final Sse sse;

        Stream(long accountId, Set<Long> groups, SseEventSink sink, Sse sse) {
            this.accountId = accountId;
            this.groups = groups;
            this.sink = sink;
            this.sse = sse;
        }

        void send(OutboundSseEvent event) {
            if (sink.isClosed()) {
                close();
                return;
            }
            try {
                sink.send(event).whenComplete((ok, error) -> {
                    if (error != null) {
                        close();
                    }
                });
            } catch (RuntimeException closedMeanwhile) {
                // The page went away between the check and the send; the other streams still get the event.
                close();
            }
        }

        void close() {
            streams.remove(this);
            if (!sink.isClosed()) {
                sink.close();
            }
        }
    }

    /** Whether one more stream may open for this person. */
    public boolean roomFor(long accountId) {
        return streams.size() < TOTAL && streams.keySet().stream().filter(s -> s.accountId == accountId).count() < PER_ACCOUNT;
    }

    /**
     * Opens a stream: greets it, replays what it missed after {@code since}, then keeps it.
     * Memberships are read after the current sequence is noted, so a membership change that
     * commits while the stream opens is still seen: it restarts the new stream too.
     */
    public void open(long accountId, Supplier<Set<Long>> memberships, Long since, SseEventSink sink, Sse sse) {
        long mark = fanout.sequence();
        Stream stream = new Stream(accountId, memberships.get(), sink, sse);
        stream.send(sse.newEventBuilder().name("hello").reconnectDelay(3000)
                .data("{\"instance\":\"" + instance + "\",\"sequence\":" + mark + "}").build());
        streams.put(stream, Boolean.TRUE);
        // Events published while this stream was being set up were not delivered to it live.
        long from = since == null ? mark : Math.min(since, mark);
        for (LiveEvent e : fanout.since(from)) {
            // A membership change before the memberships were read is already part of them.
            if (e.type() != LiveEvent.Type.MEMBERSHIP || e.sequence() > mark) {
                offer(stream, e);
            }
        }
    }


    public int open() {
        return streams.size();
    }

    private void deliver(LiveEvent event) {
        streams.keySet().forEach(s -> offer(s, event));
    }

    private void offer(Stream stream, LiveEvent event) {
        if (!event.audience(stream.accountId, stream.groups)) {
            return;
        }
        if (event.type() == LiveEvent.Type.MEMBERSHIP) {
            stream.send(stream.sse.newEventBuilder().name("reconnect").id(String.valueOf(event.sequence())).data("{}").build());
            stream.close();
            return;
        }
        stream.send(stream.sse.newEventBuilder().name(event.type().name().toLowerCase())
                .id(String.valueOf(event.sequence())).data(json(event)).build());
    }

    private void beat() {
        // An exception would end a scheduled task for good: keep beating whatever one stream does.
        for (Stream s : streams.keySet()) {
            try {
                s.send(s.sse.newEventBuilder().comment("heartbeat").build());
            } catch (RuntimeException e) {
                s.close();
            }
        }
    }

    static String json(LiveEvent e) {
        return "{\"sequence\":" + e.sequence() + ",\"type\":\"" + e.type() + "\",\"paper\":" + e.paperId() + ",\"group\":"
                + e.groupId() + ",\"annotation\":" + e.annotationId() + ",\"thread\":" + e.threadId() + ",\"author\":"
                + e.authorId() + "}";
    }

    @PreDestroy
    void shutdown() {
        subscription.close();
        heartbeat.shutdownNow();
        streams.keySet().forEach(Stream::close);
    }
}
