package app.marginalia.core.importing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pacer on a fake clock: sleeping moves the clock, and every wait is recorded. */
class RequestPacerTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final List<Long> waits = new ArrayList<>();
    private final RequestPacer pacer = new RequestPacer(Duration.ofSeconds(3), Duration.ofSeconds(30), clock::get,
            nanos -> {
                waits.add(nanos);
                clock.addAndGet(nanos);
            });

    @Test
    void shouldLetTheFirstRequestGoAtOnce() throws InterruptedException {
        pacer.await();
        assertEquals(List.of(), waits);
    }

    @Test
    void shouldSpaceBackToBackRequestsThreeSecondsApart() throws InterruptedException {
        pacer.await();
        pacer.await();
        pacer.await();
        assertEquals(List.of(3 * SECOND, 3 * SECOND), waits);
    }

    @Test
    void shouldWaitOnlyForWhatIsLeftOfTheInterval() throws InterruptedException {
        pacer.await();
        clock.addAndGet(2 * SECOND);
        pacer.await();
        assertEquals(List.of(SECOND), waits);
    }

    @Test
    void shouldNotWaitAfterAQuietSpell() throws InterruptedException {
        pacer.await();
        clock.addAndGet(10 * SECOND);
        pacer.await();
        assertEquals(List.of(), waits);
    }

    @Test
    void shouldGiveCallersArrivingTogetherSuccessiveSlots() {
        // Reserving without sleeping is what concurrent callers do before each sleeps on its own.
        assertEquals(0, pacer.reserve());
        assertEquals(3 * SECOND, pacer.reserve());
        assertEquals(6 * SECOND, pacer.reserve());
    }

    @Test
    void shouldRefuseACallerWhoseTurnIsTooFarAhead() {
        for (int i = 0; i <= 10; i++) {
            pacer.reserve();
        }
        ImportProblem problem = assertThrows(ImportProblem.class, pacer::reserve);
        assertEquals(ImportProblem.Kind.BUSY, problem.kind());
    }
}
