package app.marginalia.core.importing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces requests to one service at least {@code interval} apart, across every thread of the
 * instance: arXiv asks API clients for at most one request every three seconds. Each caller
 * reserves the next free slot under a lock and sleeps outside it, so callers go in arrival
 * order and none holds the lock while it waits. A caller whose slot lies further ahead than
 * {@code maxWait} is refused at once (BUSY) rather than left hanging.
 */
public final class RequestPacer {

    /** Waits; in tests, records the wait and moves a fake clock instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final long maxWaitNanos;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long nextSlot;
    private boolean used;

    public RequestPacer(Duration interval, Duration maxWait, LongSupplier nanoClock, Sleeper sleeper) {
        if (interval.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("interval and maximum wait must not be negative");
        }
        this.intervalNanos = interval.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** A pacer on the system's monotonic clock that really sleeps. */
    public static RequestPacer system(Duration interval, Duration maxWait) {
        return new RequestPacer(interval, maxWait, System::nanoTime, nanos -> {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        });
    }

    /**
     * Returns when this caller may send its request.
     *
     * @throws ImportProblem BUSY when the queue is longer than the maximum wait
     */
    public void await() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }

    /** Books the next slot and answers how long until it comes, in nanoseconds. */
    synchronized long reserve() {
        long now = nanoClock.getAsLong();
        long slot = !used || now - nextSlot >= 0 ? now : nextSlot;
        long wait = slot - now;
        if (wait > maxWaitNanos) {
            throw new ImportProblem(ImportProblem.Kind.BUSY, "Other imports are waiting their turn: arXiv allows one "
                    + "request every " + Duration.ofNanos(intervalNanos).toSeconds() + " seconds. Try again in a minute.");
        }
        used = true;
        nextSlot = slot + intervalNanos;
        return wait;
    }
}
