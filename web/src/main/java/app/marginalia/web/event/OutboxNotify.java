package app.marginalia.web.event;

import app.marginalia.core.discussion.DiscussionEvent;
import io.quarkus.datasource.common.runtime.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.Statement;

/**
 * On PostgreSQL, tells every instance that the outbox grew: a transaction that emits events
 * also runs {@code SELECT pg_notify('marginalia_outbox', '')}, once, inside the transaction, so
 * PostgreSQL delivers it exactly when the rows become visible (at commit) and never for a
 * rollback. Listeners ({@link PgListener} on {@link #CHANNEL}) then read the outbox rather than
 * waiting for their next poll. The notification carries nothing: the rows are the truth. On H2
 * there is one instance, woken after commit in process.
 */
@ApplicationScoped
public class OutboxNotify {

    /** The channel every instance's outbox reader listens on. */
    public static final String CHANNEL = "marginalia_outbox";

    private final boolean postgres;
    private final TransactionSynchronizationRegistry transactions;
    private final EntityManager entityManager;

    OutboxNotify(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
                 TransactionSynchronizationRegistry transactions, EntityManager entityManager) {
        this.postgres = DatabaseKind.isPostgreSQL(dbKind);
        this.transactions = transactions;
        this.entityManager = entityManager;
    }

    /** Whether the database is PostgreSQL: only there is anyone listening. */
    public boolean postgres() {
        return postgres;
    }

    void inTransaction(@Observes DiscussionEvent event) {
        if (!postgres || transactions.getResource(OutboxNotify.class) != null) {
            return;
        }
        // Once per transaction: PostgreSQL would fold repeats anyway, but each costs a statement.
        transactions.putResource(OutboxNotify.class, Boolean.TRUE);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_notify('" + CHANNEL + "', '')");
            }
        });
    }
}
