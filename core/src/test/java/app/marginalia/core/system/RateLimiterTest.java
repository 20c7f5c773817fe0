package app.marginalia.core.system;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = new RateLimiter(clock);
    private final RateLimiter.Limit threePerMinute = new RateLimiter.Limit(3, Duration.ofMinutes(1));

    @Test
    void shouldAllowUpToTheLimitThenSayHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.attempt("login:ada", threePerMinute).allowed());
        }
        clock.now = clock.now.plusSeconds(20);
        RateLimiter.Decision refused = limiter.attempt("login:ada", threePerMinute);
        assertFalse(refused.allowed());
        assertEquals(40, refused.retryAfterSeconds());
    }

    @Test
    void shouldCountKeysSeparatelyAndStartAfreshEachWindow() {
        for (int i = 0; i < 3; i++) {
            limiter.attempt("login:ada", threePerMinute);
        }
        assertTrue(limiter.attempt("login:bob", threePerMinute).allowed());
        clock.now = clock.now.plusSeconds(60);
        assertTrue(limiter.attempt("login:ada", threePerMinute).allowed());
    }

    @Test
    void shouldForgetAKeyOnReset() {
        for (int i = 0; i < 4; i++) {
            limiter.attempt("login:ada", threePerMinute);
        }
        limiter.reset("login:ada");
        assertTrue(limiter.attempt("login:ada", threePerMinute).allowed());
    }
}
