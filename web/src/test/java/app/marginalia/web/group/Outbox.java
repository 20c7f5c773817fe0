package app.marginalia.web.group;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.persistence.event.OutboxEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the commands wrote to the event outbox since a mark: how tests see the events a request emitted. */
final class Outbox {

    private long mark;

    Outbox() {
        mark();
    }

    /** Forgets everything emitted so far. */
    void mark() {
        mark = QuarkusTransaction.requiringNew().call(OutboxEntry::lastId);
    }

    /** The events emitted since the mark, oldest first; the mark moves past them. */
    List<DiscussionEvent> since() {
        List<DiscussionEvent> events = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.after(mark, 1000))
                .stream().map(OutboxEntry.Row::event).flatMap(Optional::stream).toList();
        mark();
        return events;
    }

    /** The one event emitted since the mark (a command emits exactly one). */
    DiscussionEvent one() {
        List<DiscussionEvent> events = since();
        assertEquals(1, events.size(), "one event per command: " + events);
        return events.get(0);
    }

    /** Nothing was emitted since the mark (a repeat that changed nothing, a refused request). */
    void none() {
        assertEquals(List.of(), since());
    }
}
