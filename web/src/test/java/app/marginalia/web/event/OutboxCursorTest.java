package app.marginalia.web.event;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox reader's position when rows commit out of id order, and when some never commit. */
class OutboxCursorTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldMoveTheWatermarkOverRowsThatArriveInOrder() {
        OutboxCursor c = new OutboxCursor(10);
        assertTrue(c.accept(11, 0));
        assertTrue(c.accept(12, 0));
        assertEquals(12, c.watermark());
        assertEquals(12, c.highest());
        assertFalse(c.accept(12, 0), "a row read twice is applied once");
        assertFalse(c.accept(7, 0), "below the watermark: done");
    }

    @Test
    void shouldWaitForAnIdThatCommitsAfterALaterOneAndApplyItWhenItComes() {
        OutboxCursor c = new OutboxCursor(10);
        assertTrue(c.accept(13, 0), "13 committed first");
        assertEquals(10, c.watermark(), "11 and 12 may still commit");
        assertEquals(List.of(new OutboxCursor.Hole(11, 12, 0)), c.holes());
        assertEquals(2, c.missing());
        assertTrue(c.accept(12, SECOND), "12 arrives late: applied");
        assertEquals(10, c.watermark());
        assertTrue(c.accept(11, 2 * SECOND));
        assertEquals(13, c.watermark(), "no hole left: the watermark catches up with the highest");
        assertEquals(List.of(), c.holes());
        assertFalse(c.accept(12, 3 * SECOND));
    }

    @Test
    void shouldSplitAHoleWhenAnIdInsideItArrives() {
        OutboxCursor c = new OutboxCursor(0);
        c.accept(10, 0);
        assertTrue(c.accept(5, SECOND));
        assertEquals(List.of(new OutboxCursor.Hole(1, 4, 0), new OutboxCursor.Hole(6, 9, 0)), c.holes(),
                "each part keeps the time it was first missed");
        assertEquals(0, c.watermark());
        assertTrue(c.accept(1, SECOND));
        assertTrue(c.accept(2, SECOND));
        assertTrue(c.accept(3, SECOND));
        assertTrue(c.accept(4, SECOND));
        assertEquals(5, c.watermark());
    }

    @Test
    void shouldGiveUpAHoleAfterTheGracePeriodAsARolledBackTransaction() {
        OutboxCursor c = new OutboxCursor(10);
        c.accept(12, 0);
        c.accept(20, 30 * SECOND);
        assertEquals(0, c.giveUp(59 * SECOND, 60 * SECOND), "not yet");
        assertEquals(10, c.watermark());
        assertEquals(1, c.giveUp(60 * SECOND, 60 * SECOND), "id 11 missed since 0: given up");
        assertEquals(12, c.watermark(), "13 to 19 are still waited for");
        assertEquals(7, c.giveUp(90 * SECOND, 60 * SECOND));
        assertEquals(20, c.watermark());
        assertFalse(c.accept(11, 91 * SECOND), "a row committing after the grace period is not applied");
    }

    @Test
    void shouldLeaveTheOriginalUntouchedWhenWorkingOnACopy() {
        OutboxCursor c = new OutboxCursor(10);
        c.accept(12, 0);
        OutboxCursor copy = c.copy();
        copy.accept(11, 0);
        copy.accept(13, 0);
        assertEquals(13, copy.watermark());
        assertEquals(10, c.watermark(), "a failed pass leaves the cursor where it was");
        assertEquals(12, c.highest());
    }
}
