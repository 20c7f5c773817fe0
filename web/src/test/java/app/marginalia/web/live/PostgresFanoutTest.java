package app.marginalia.web.live;

import app.marginalia.core.discussion.LiveEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two application instances on one PostgreSQL database, each with its own fan-out: an event
 * published by one reaches the streams of both, through LISTEN/NOTIFY. Runs in the PostgreSQL
 * suite (CI's second run, {@code -Dquarkus.test.profile=test,pg}); on the embedded database
 * there is no PostgreSQL to notify through.
 */
@QuarkusTest
class PostgresFanoutTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private static void await(PostgresFanout fanout) throws InterruptedException {
        for (int i = 0; i < 100 && !fanout.listening(); i++) {
            Thread.sleep(50);
        }
        assertTrue(fanout.listening(), "the listener connected");
    }

    @Test
    void shouldDeliverAnEventPublishedOnOneInstanceToEveryInstance() throws InterruptedException {
        if (!"postgresql".equals(dbKind)) {
            // CI's PostgreSQL run sets MARGINALIA_PG_TESTS=required: there this must run, never skip.
            assertTrue(!"required".equals(System.getenv("MARGINALIA_PG_TESTS")), "the PostgreSQL suite runs on H2");
            Assumptions.abort("Needs the PostgreSQL test profile: ./mvnw verify -Dquarkus.test.profile=test,pg");
        }
        try (PostgresFanout one = new PostgresFanout(dataSource); PostgresFanout two = new PostgresFanout(dataSource)) {
            await(one);
            await(two);
            List<LiveEvent> atOne = new CopyOnWriteArrayList<>();
            List<LiveEvent> atTwo = new CopyOnWriteArrayList<>();
            one.subscribe(atOne::add);
            two.subscribe(atTwo::add);
            LiveEvent sent = LiveEvent.note(LiveEvent.Type.NOTE, 7, 3L, 41, 40, 5);
            one.publish(sent);
            for (int i = 0; i < 100 && (atOne.isEmpty() || atTwo.isEmpty()); i++) {
                Thread.sleep(20);
            }
            assertEquals(List.of(sent.withSequence(atTwo.get(0).sequence())), atTwo, "the other instance heard it");
            assertEquals(1, atOne.size(), "and the sender's own streams, once");
            assertEquals(List.of(atTwo.get(0)), two.since(two.sequence() - 1), "kept for streams that reconnect");
        }
    }
}
