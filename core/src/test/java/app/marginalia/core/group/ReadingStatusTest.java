package app.marginalia.core.group;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadingStatusTest {

    @Test
    void shouldMoveForwardThroughTheReadingCycle() {
        assertTrue(ReadingStatus.PROPOSED.canMoveTo(ReadingStatus.SCHEDULED));
        assertTrue(ReadingStatus.SCHEDULED.canMoveTo(ReadingStatus.READING));
        assertTrue(ReadingStatus.READING.canMoveTo(ReadingStatus.DISCUSSED));
        assertTrue(ReadingStatus.DISCUSSED.canMoveTo(ReadingStatus.ARCHIVED));
    }

    @Test
    void shouldNotSkipStepsOrStandStill() {
        assertFalse(ReadingStatus.PROPOSED.canMoveTo(ReadingStatus.READING));
        assertFalse(ReadingStatus.PROPOSED.canMoveTo(ReadingStatus.DISCUSSED));
        assertFalse(ReadingStatus.SCHEDULED.canMoveTo(ReadingStatus.DISCUSSED));
        assertFalse(ReadingStatus.ARCHIVED.canMoveTo(ReadingStatus.READING));
        for (ReadingStatus status : ReadingStatus.values()) {
            assertFalse(status.canMoveTo(status), status + " to itself");
        }
    }

    @Test
    void shouldAllowTheWaysBack() {
        assertEquals(EnumSet.of(ReadingStatus.READING, ReadingStatus.PROPOSED, ReadingStatus.ARCHIVED),
                ReadingStatus.SCHEDULED.next());
        assertTrue(ReadingStatus.DISCUSSED.canMoveTo(ReadingStatus.READING));
        assertEquals(EnumSet.of(ReadingStatus.PROPOSED), ReadingStatus.ARCHIVED.next());
    }

    @Test
    void shouldLetAProposerOnlyWithdraw() {
        assertTrue(ReadingStatus.authorMayMove(ReadingStatus.PROPOSED, ReadingStatus.ARCHIVED));
        assertFalse(ReadingStatus.authorMayMove(ReadingStatus.PROPOSED, ReadingStatus.SCHEDULED));
        assertFalse(ReadingStatus.authorMayMove(ReadingStatus.READING, ReadingStatus.ARCHIVED));
    }

    @Test
    void shouldNeedAMeetingOnlyToSchedule() {
        assertTrue(ReadingStatus.SCHEDULED.needsMeeting());
        assertFalse(ReadingStatus.READING.needsMeeting());
        assertEquals(ReadingStatus.READING, ReadingStatus.parse(" reading ").orElseThrow());
        assertTrue(ReadingStatus.parse("LOST").isEmpty());
    }
}
