package app.marginalia.web.event;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.persistence.event.OutboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Where every command's event goes. {@link #emit} appends the event to the outbox and hands it
 * to the observers, all inside the command's transaction:
 * <ul>
 *   <li>{@code @Observes DiscussionEvent} observers run at once, in the transaction, and write
 *       what must commit with the change (the activity line, notifications);</li>
 *   <li>{@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} observers run once it has
 *       committed (live pages, waking the search index), so a rolled-back change announces nothing.</li>
 * </ul>
 * Other instances and a restarted one learn of the event from the outbox row.
 */
@ApplicationScoped
public class DiscussionEvents {

    private final Event<DiscussionEvent> observers;

    DiscussionEvents(Event<DiscussionEvent> observers) {
        this.observers = observers;
    }

    /** Records and announces one event; must run inside the command's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(DiscussionEvent event) {
        OutboxEntry.append(event);
        observers.fire(event);
    }
}
