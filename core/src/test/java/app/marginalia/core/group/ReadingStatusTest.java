package app.marginalia.core.group;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

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

    @Test
    void shouldConcludeOnlyAPaperWhoseMeetingIsSetOrThatIsBeingReadOrDiscussed() {
        assertEquals(EnumSet.of(ReadingStatus.SCHEDULED, ReadingStatus.READING, ReadingStatus.DISCUSSED),
                statusesWhere(ReadingStatus::canConclude));
    }

    @Test
    void shouldScheduleOnlyAPaperThatIsProposedScheduledOrBeingRead() {
        assertEquals(EnumSet.of(ReadingStatus.PROPOSED, ReadingStatus.SCHEDULED, ReadingStatus.READING),
                statusesWhere(ReadingStatus::canSchedule));
        assertFalse(ReadingStatus.DISCUSSED.canSchedule(), "done: a meeting would revive it silently");
        assertFalse(ReadingStatus.ARCHIVED.canSchedule(), "archived: revive it first");
    }

    @Test
    void shouldReachDiscussedByLegalMovesFromEveryStatusThatMayConclude() {
        for (ReadingStatus status : ReadingStatus.values()) {
            if (status.canConclude()) {
                List<ReadingStatus> path = status.pathTo(ReadingStatus.DISCUSSED);
                ReadingStatus at = status;
                for (ReadingStatus step : path) {
                    assertTrue(at.canMoveTo(step), status + ": " + at + " to " + step + " is not a legal move");
                    at = step;
                }
                assertEquals(ReadingStatus.DISCUSSED, at, status + " ends discussed");
            }
        }
        assertEquals(List.of(ReadingStatus.READING, ReadingStatus.DISCUSSED),
                ReadingStatus.SCHEDULED.pathTo(ReadingStatus.DISCUSSED), "a scheduled paper passes through reading");
        assertEquals(List.of(ReadingStatus.DISCUSSED), ReadingStatus.READING.pathTo(ReadingStatus.DISCUSSED));
        assertEquals(List.of(), ReadingStatus.DISCUSSED.pathTo(ReadingStatus.DISCUSSED), "already there");
    }

    @Test
    void shouldFindTheShortestLegalPathBetweenAnyTwoStatuses() {
        for (ReadingStatus from : ReadingStatus.values()) {
            for (ReadingStatus to : ReadingStatus.values()) {
                List<ReadingStatus> path = from.pathTo(to);
                ReadingStatus at = from;
                for (ReadingStatus step : path) {
                    assertTrue(at.canMoveTo(step), from + " to " + to + ": " + at + " to " + step);
                    at = step;
                }
                assertEquals(to, at);
                assertEquals(from == to, path.isEmpty());
                if (from.canMoveTo(to)) {
                    assertEquals(List.of(to), path, "a direct move is the shortest path");
                }
            }
        }
        assertEquals(List.of(ReadingStatus.PROPOSED, ReadingStatus.SCHEDULED, ReadingStatus.READING,
                ReadingStatus.DISCUSSED), ReadingStatus.ARCHIVED.pathTo(ReadingStatus.DISCUSSED));
    }

    private static EnumSet<ReadingStatus> statusesWhere(java.util.function.Predicate<ReadingStatus> rule) {
        EnumSet<ReadingStatus> matching = EnumSet.noneOf(ReadingStatus.class);
        for (ReadingStatus status : ReadingStatus.values()) {
            if (rule.test(status)) {
                matching.add(status);
            }
        }
        return matching;
    }
}
