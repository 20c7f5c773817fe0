package app.marginalia.web.tracking;

import app.marginalia.web.Visitor;
import app.marginalia.web.annotation.Discussion;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live event stream over a real HTTP connection: who receives which change, replay of
 * missed events on reconnect, and the end of a stream when its person's memberships change.
 */
@QuarkusTest
class LiveEventsTest {

    /** An open stream whose lines a background thread collects. */
    static final class Listener implements AutoCloseable {
        final HttpResponse<Stream<String>> response;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Thread reader;

        Listener(Visitor who, String query) {
            response = who.events(query);
            reader = new Thread(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits until a line containing all the parts arrives; false after the timeout. */
        boolean await(Duration timeout, String... parts) {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                if (has(parts)) {
                    return true;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return has(parts);
        }

        boolean has(String... parts) {
            return lines.stream().anyMatch(l -> java.util.Arrays.stream(parts).allMatch(l::contains));
        }

        long lastSequence() {
            return lines.stream().filter(l -> l.startsWith("id:")).mapToLong(l -> Long.parseLong(l.substring(3).strip()))
                    .max().orElse(0);
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void shouldDeliverAGroupsChangesToItsMembersOnlyAndPrivateNotesToTheirAuthorOnly() {
        Discussion d = new Discussion();
        try (Listener member = new Listener(d.g.member, ""); Listener outsider = new Listener(d.g.outsider, "");
             Listener owner = new Listener(d.g.owner, "")) {
            assertEquals(200, member.response.statusCode());
            assertTrue(member.await(WAIT, "event:hello") && outsider.await(WAIT, "event:hello")
                    && owner.await(WAIT, "event:hello"), member.lines.toString());

            long note = d.create(d.g.owner, d.passage(0, 10, "COMMENTING", "Live note"));
            assertTrue(member.await(WAIT, "\"type\":\"NOTE\"", "\"thread\":" + note + ","), member.lines.toString());
            assertTrue(member.has("event:note"));

            Map<String, Object> priv = d.passage(20, 30, "COMMENTING", "Private live note");
            priv.remove("groupId");
            long secret = d.create(d.g.owner, priv);
            assertTrue(owner.await(WAIT, "\"thread\":" + secret + ","), "the author's own tabs hear it");

            // Replies notify the note's author: their unread count changes.
            d.reply(d.g.member, note, "A reply");
            assertTrue(owner.await(WAIT, "event:notification"));

            d.g.owner.json("DELETE", "/api/annotations/" + note, null);
            assertTrue(member.await(WAIT, "event:note_deleted"));
            assertFalse(member.has("\"thread\":" + secret + ","), "a private note never reaches anyone else");
            assertFalse(outsider.has("\"thread\":" + note + ","), "nor a group's note an outsider");
            assertFalse(outsider.has("event:note"));
        }
    }

    @Test
    void shouldReplayWhatAReconnectingStreamMissed() {
        Discussion d = new Discussion();
        long since;
        try (Listener first = new Listener(d.g.member, "")) {
            d.create(d.g.owner, d.passage(0, 10, "COMMENTING", "Before the drop"));
            assertTrue(first.await(WAIT, "event:note"));
            since = first.lastSequence();
        }
        long missed = d.create(d.g.owner, d.passage(20, 30, "COMMENTING", "While disconnected"));
        try (Listener again = new Listener(d.g.member, "?since=" + since)) {
            assertTrue(again.await(WAIT, "\"thread\":" + missed + ","), again.lines.toString());
        }
    }

    @Test
    void shouldEndAStreamWhenItsPersonLeavesTheGroupAndRefuseStrangers() {
        Discussion d = new Discussion();
        long since;
        try (Listener member = new Listener(d.g.member, "")) {
            assertTrue(member.await(WAIT, "event:hello"));
            d.g.member.post("/groups/" + d.g.id + "/leave").then().statusCode(303);
            assertTrue(member.await(WAIT, "event:reconnect"), "told to reconnect with its new memberships");
            since = member.lastSequence() - 1;
        }
        // Reconnecting from before the change does not replay it: that would end the new stream too.
        try (Listener after = new Listener(d.g.member, "?since=" + since)) {
            assertTrue(after.await(WAIT, "event:hello"));
            assertFalse(after.await(Duration.ofMillis(500), "event:reconnect"));
            long note = d.create(d.g.owner, d.passage(0, 10, "COMMENTING", "After leaving"));
            assertFalse(after.await(Duration.ofSeconds(1), "\"thread\":" + note + ","));
        }
        HttpResponse<Stream<String>> anonymous = Visitor.anonymous().events("");
        anonymous.body().close();
        assertEquals(401, anonymous.statusCode());
    }
}
