package app.marginalia.core.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key in fixed windows: at most {@code limit.max()} in each
 * {@code limit.window()}. In memory, per application instance; behind a load balancer each
 * instance counts its own share, which bounds abuse by the instance count.
 */
public final class RateLimiter {

    /** At most {@code max} attempts per {@code window}. */
    public record Limit(int max, Duration window) {
        public Limit {
            if (max < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a limit needs a positive count and window");
            }
        }
    }

    /** The answer to one attempt: allowed, or refused until {@code retryAfter} has passed. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** Whole seconds to wait, at least one, as {@code Retry-After} needs. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private record Window(Instant start, int count) {
    }

    private static final int SWEEP_EVERY = 1_000;

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private int callsSinceSweep;

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts an attempt under {@code key} and says whether it is within {@code limit}. */
    public Decision attempt(String key, Limit limit) {
        Instant now = clock.instant();
        sweepOccasionally(now, limit.window());
        Window window = windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(limit.window()))
                ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (window.count() <= limit.max()) {
            return Decision.ALLOWED;
        }
        return new Decision(false, Duration.between(now, window.start().plus(limit.window())));
    }

    /** Forgets a key, e.g. an account's failed logins after it signs in. */
    public void reset(String key) {
        windows.remove(key);
    }

    private synchronized void sweepOccasionally(Instant now, Duration window) {
        if (++callsSinceSweep < SWEEP_EVERY) {
            return;
        }
        callsSinceSweep = 0;
        // Windows longer than a day are not used, so anything older has expired.
        Instant horizon = now.minus(window.compareTo(Duration.ofDays(1)) > 0 ? window : Duration.ofDays(1));
        windows.values().removeIf(w -> w.start().isBefore(horizon));
    }
}
