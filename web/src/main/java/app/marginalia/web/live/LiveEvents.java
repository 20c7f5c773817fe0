package app.marginalia.web.live;

import app.marginalia.core.discussion.Fanout;
import app.marginalia.core.discussion.LiveEvent;
import app.marginalia.web.system.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Services announce changes here. An event leaves only once its transaction has committed,
 * so a page that fetches what changed finds it, and a rolled-back change announces nothing.
 */
@ApplicationScoped
public class LiveEvents {

    private final Fanout fanout;
    private final TransactionSynchronizationRegistry transactions;

    LiveEvents(Fanout fanout, TransactionSynchronizationRegistry transactions) {
        this.fanout = fanout;
        this.transactions = transactions;
    }

    public void afterCommit(LiveEvent event) {
        AfterCommit.run(transactions, () -> fanout.publish(event));
    }
}
