package app.marginalia.web.live;

import app.marginalia.core.discussion.Fanout;
import app.marginalia.core.discussion.LiveEvent;
import app.marginalia.core.system.AddressBucket;
import app.marginalia.web.system.MarginaliaConfig;
import app.marginalia.web.system.TooManyRequestsException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The open event streams of this instance. Each stream knows its person and their groups
 * when it opened, and receives only the events {@link LiveEvent#audience} allows them; a
 * change of their memberships closes their streams so they reopen with the new ones. A
 * comment every {@value #HEARTBEAT_SECONDS} seconds keeps proxies from closing idle streams
 * and finds streams whose page has gone unnoticed.
 * <p>
 * Slots are shared fairly: at most {@code marginalia.live.streams-per-account} per account,
 * {@code streams-per-address} per network address (so one party with many accounts cannot take
 * every slot) and {@code streams-total} in all; a stream over a limit is refused with 429 and
 * Retry-After. A slot is released the moment its connection closes: every sink is registered
 * with one {@link SseBroadcaster} whose close callback RESTEasy Reactive runs from the
 * connection's close handler, so a closed tab does not hold its slot until the next heartbeat.
 */
@ApplicationScoped
public class LiveStreams {

    static final int HEARTBEAT_SECONDS = 15;
    /** What a refused client is told to wait: slots free as soon as other pages close. */
    static final int RETRY_AFTER_SECONDS = 30;

    /** Tells a reconnecting client whether the sequence numbers it remembers still mean anything. */
    private final String instance = UUID.randomUUID().toString();
    private final Map<Stream, Boolean> streams = new ConcurrentHashMap<>();
    private final Map<SseEventSink, Stream> bySink = new ConcurrentHashMap<>();
    /** Open slots per account and per address, changed only under {@code this} lock with {@link #total}. */
    private final Map<Long, Integer> perAccount = new HashMap<>();
    private final Map<String, Integer> perAddress = new HashMap<>();
    private int total;
    private final int maxPerAccount, maxPerAddress, maxTotal;
    private volatile SseBroadcaster closings;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "marginalia-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Fanout fanout;
    private final Fanout.Subscription subscription;

    LiveStreams(Fanout fanout, MarginaliaConfig config) {
        this.fanout = fanout;
        this.maxPerAccount = config.live().streamsPerAccount();
        this.maxPerAddress = config.live().streamsPerAddress();
        this.maxTotal = config.live().streamsTotal();
        this.subscription = fanout.subscribe(this::deliver);
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** One open stream. */
    final class Stream {
        final long accountId;
        final String address;
        final Set<Long> groups;
        final SseEventSink sink;
        final Sse sse;
        private final AtomicBoolean released = new AtomicBoolean();

        Stream(long accountId, String address, Set<Long> groups, SseEventSink sink, Sse sse) {
            this.accountId = accountId;
            this.address = address;
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
            bySink.remove(sink);
            if (released.compareAndSet(false, true)) {
                release(accountId, address);
            }
            if (!sink.isClosed()) {
                sink.close();
            }
        }
    }

    /** Takes a slot for a new stream, or refuses with the limit it would break. */
    private synchronized void admit(long accountId, String address) {
        if (perAccount.getOrDefault(accountId, 0) >= maxPerAccount) {
            throw new TooManyRequestsException("You have " + maxPerAccount
                    + " live streams open already (one per open page or browser); close some tabs.", RETRY_AFTER_SECONDS);
        }
        if (perAddress.getOrDefault(address, 0) >= maxPerAddress) {
            throw new TooManyRequestsException("Your network address has " + maxPerAddress
                    + " live streams open already; pages there update when others close.", RETRY_AFTER_SECONDS);
        }
        if (total >= maxTotal) {
            throw new TooManyRequestsException("This server has " + maxTotal
                    + " live streams open, its limit; pages still work and update when you reload.", RETRY_AFTER_SECONDS);
        }
        perAccount.merge(accountId, 1, Integer::sum);
        perAddress.merge(address, 1, Integer::sum);
        total++;
    }

    private synchronized void release(long accountId, String address) {
        perAccount.computeIfPresent(accountId, (k, n) -> n > 1 ? n - 1 : null);
        perAddress.computeIfPresent(address, (k, n) -> n > 1 ? n - 1 : null);
        total--;
    }

    /** One broadcaster, made from the first request's {@link Sse}, only to hear sinks close. */
    private SseBroadcaster closings(Sse sse) {
        SseBroadcaster b = closings;
        if (b == null) {
            synchronized (this) {
                if (closings == null) {
                    closings = sse.newBroadcaster();
                    closings.onClose(sink -> {
                        Stream gone = bySink.get(sink);
                        if (gone != null) {
                            gone.close();
                        }
                    });
                }
                b = closings;
            }
        }
        return b;
    }

    /**
     * Opens a stream: greets it, replays what it missed after {@code since}, then keeps it.
     * Memberships are read after the current sequence is noted, so a membership change that
     * commits while the stream opens is still seen: it restarts the new stream too.
     */
    public void open(long accountId, String clientAddress, Supplier<Set<Long>> memberships, Long since,
                     SseEventSink sink, Sse sse) {
        // Counted like the rate limits: an IPv6 client holds a whole /64 and could rotate through it.
        String address = AddressBucket.of(clientAddress);
        admit(accountId, address);
        Stream stream;
        long mark;
        try {
            mark = fanout.sequence();
            stream = new Stream(accountId, address, memberships.get(), sink, sse);
        } catch (RuntimeException e) {
            release(accountId, address);
            throw e;
        }
        bySink.put(sink, stream);
        closings(sse).register(sink);
        stream.send(sse.newEventBuilder().name("hello").reconnectDelay(3000)
                .data("{\"instance\":\"" + instance + "\",\"sequence\":" + mark + "}").build());
        if (stream.released.get()) {
            return; // the page went away before its greeting
        }
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

    /** Open streams on this instance. */
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
