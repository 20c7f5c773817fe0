package app.marginalia.core.discussion;

import app.marginalia.core.group.ActivityKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveEventTest {

    @Test
    void shouldSendAGroupsNotesToItsMembersOnly() {
        LiveEvent e = LiveEvent.note(LiveEvent.Type.NOTE, 1, 7L, 100, 100, 5);
        assertTrue(e.audience(9, Set.of(7L, 8L)));
        assertFalse(e.audience(9, Set.of(8L)), "not a member of group 7");
        assertFalse(e.audience(5, Set.of()), "the author who left the group no longer hears it");
    }

    @Test
    void shouldSendAPrivateNoteToItsAuthorOnly() {
        LiveEvent e = LiveEvent.note(LiveEvent.Type.NOTE_DELETED, 1, null, 100, 100, 5);
        assertTrue(e.audience(5, Set.of()));
        assertFalse(e.audience(6, Set.of(7L)));
    }

    @Test
    void shouldSendNotificationsAndMembershipChangesToTheirPerson() {
        assertTrue(LiveEvent.notification(3).audience(3, Set.of()));
        assertFalse(LiveEvent.notification(3).audience(4, Set.of(1L)));
        assertTrue(LiveEvent.membership(4).audience(4, Set.of()));
        assertEquals(12, LiveEvent.membership(4).withSequence(12).sequence());
    }

    @Test
    void shouldTravelBetweenInstancesAsOneLine() {
        LiveEvent note = LiveEvent.note(LiveEvent.Type.NOTE, 1, null, 100, 99, 5);
        assertEquals("NOTE|1||100|99|5|", note.wire());
        assertEquals(note, LiveEvent.fromWire(note.wire()).orElseThrow());
        LiveEvent notification = LiveEvent.notification(3).withSequence(44);
        assertEquals(LiveEvent.notification(3), LiveEvent.fromWire(notification.wire()).orElseThrow(),
                "each instance numbers what it receives");
        assertTrue(LiveEvent.fromWire("NOTE|1|2").isEmpty());
        assertTrue(LiveEvent.fromWire("GOSSIP||||||").isEmpty());
        assertTrue(LiveEvent.fromWire("NOTE|x||||||").isEmpty());
        assertTrue(LiveEvent.fromWire(null).isEmpty());
    }

    @Test
    void shouldOrderAnAgendaByReactionsThenAge() {
        record T(long id, long reactions, Instant createdAt) implements AgendaOrder.Item {
        }
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<T> items = new ArrayList<>(List.of(new T(1, 0, t), new T(2, 3, t.plusSeconds(5)), new T(3, 3, t.plusSeconds(1)),
                new T(4, 1, t)));
        items.sort(AgendaOrder.comparator());
        assertEquals(List.of(3L, 2L, 4L, 1L), items.stream().map(T::id).toList());
    }

    @Test
    void shouldFileEveryActivityKindUnderOneFilter() {
        int total = 0;
        for (ActivityKind.Category c : ActivityKind.Category.values()) {
            total += c.kinds().size();
        }
        assertEquals(ActivityKind.values().length, total);
        assertTrue(ActivityKind.QUESTION_ANSWERED.discussion());
        assertFalse(ActivityKind.MEMBER_JOINED.discussion());
        assertEquals(ActivityKind.Category.REPLIES, ActivityKind.Category.parse(" replies ").orElseThrow());
    }
}
