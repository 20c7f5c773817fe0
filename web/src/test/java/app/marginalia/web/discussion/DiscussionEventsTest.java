package app.marginalia.web.discussion;

import app.marginalia.core.annotation.NoteDraft;
import app.marginalia.core.discussion.Fanout;
import app.marginalia.core.discussion.LiveEvent;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.annotation.Notification;
import app.marginalia.persistence.event.OutboxEntry;
import app.marginalia.persistence.group.Activity;
import app.marginalia.web.Visitor;
import app.marginalia.web.annotation.Discussion;
import app.marginalia.web.annotation.NoteCommands;
import app.marginalia.web.group.GroupFixture;
import app.marginalia.web.system.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every note command writes exactly one event to the outbox in its own transaction, and a
 * command that rolls back leaves nothing behind: no outbox row, no activity line, no
 * notification, and nothing announced to open pages.
 */
@QuarkusTest
class DiscussionEventsTest {

    @Inject
    NoteCommands notes;
    @Inject
    Fanout fanout;

    /** The outbox rows a request wrote, by event type. */
    private static List<String> eventsOf(Runnable request) {
        long before = QuarkusTransaction.requiringNew().call(OutboxEntry::lastId);
        request.run();
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.after(before, 100)).stream()
                .map(OutboxEntry.Row::type).toList();
    }

    private static <T> T call(Supplier<T> request, List<String> events) {
        Object[] result = new Object[1];
        events.addAll(eventsOf(() -> result[0] = request.get()));
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    private static long version(Visitor who, long id) {
        return who.json("GET", "/api/annotations/" + id, null).jsonPath().getLong("version");
    }

    @Test
    void shouldWriteExactlyOneOutboxRowForEveryNoteCommand() {
        Discussion d = new Discussion();
        List<String> events = new java.util.ArrayList<>();

        long question = call(() -> d.create(d.g.member, d.passage(0, 10, "QUESTIONING", "Why ten?")), events);
        assertEquals(List.of("NoteAdded"), events);

        events.clear();
        long reply = call(() -> d.reply(d.g.owner, question, "Because."), events);
        assertEquals(List.of("ReplyAdded"), events);

        assertEquals(List.of("NoteEdited"), eventsOf(() -> d.g.owner.json("PUT", "/api/annotations/" + reply,
                Map.of("body", "Because it is round.", "tags", List.of(), "version", version(d.g.owner, reply)))
                .then().statusCode(200)));
        assertEquals(List.of("Reacted"), eventsOf(() -> d.g.member.json("POST", "/api/annotations/" + reply + "/reactions",
                Map.of("kind", "AGREE", "given", true)).then().statusCode(200)));
        assertEquals(List.of(), eventsOf(() -> d.g.member.json("POST", "/api/annotations/" + reply + "/reactions",
                Map.of("kind", "AGREE", "given", true)).then().statusCode(200)), "a repeat changes nothing");
        assertEquals(List.of("AnswerMarked"), eventsOf(() -> d.g.member.json("POST", "/api/annotations/" + question
                + "/answer", Map.of("replyId", reply)).then().statusCode(200)));
        assertEquals(List.of("ThreadResolved"), eventsOf(() -> d.g.member.json("POST", "/api/annotations/" + question
                + "/resolve", Map.of("resolved", true)).then().statusCode(200)));
        assertEquals(List.of(), eventsOf(() -> d.g.member.json("POST", "/api/annotations/" + question
                + "/resolve", Map.of("resolved", true)).then().statusCode(200)), "resolving a resolved thread");

        Map<String, Object> own = d.passage(20, 30, "COMMENTING", "Mine for now");
        own.remove("groupId");
        events.clear();
        long priv = call(() -> d.create(d.g.member, own), events);
        assertEquals(List.of("NoteAdded"), events);
        assertEquals(List.of("NoteShared"), eventsOf(() -> d.g.member.post("/annotations/" + priv + "/share",
                "groupId", d.g.id).then().statusCode(303)));

        // A note whose passage an edit removed (set directly: the shared seed text stays as it is).
        QuarkusTransaction.requiringNew().run(() -> Annotation.<Annotation>findById(priv).detached = true);
        assertEquals(List.of("NoteReattached"), eventsOf(() -> d.g.member.json("POST", "/api/annotations/" + priv
                + "/anchor", Map.of("start", 20, "end", 30)).then().statusCode(200)));

        assertEquals(List.of("NoteDeleted"), eventsOf(() -> d.g.member.json("DELETE", "/api/annotations/" + priv, null)
                .then().statusCode(204)));
    }

    @Test
    void shouldLeaveNothingBehindWhenTheCommandsTransactionRollsBack() {
        Discussion d = new Discussion();
        long question = d.create(d.g.member, d.passage(0, 10, "QUESTIONING", "Is anyone there?"));
        long owner = GroupFixture.accountId(d.g.owner);
        long member = GroupFixture.accountId(d.g.member);
        CurrentUser.SignedIn signedIn = new CurrentUser.SignedIn(owner, d.g.owner.username, d.g.owner.username, false);
        long outboxBefore = QuarkusTransaction.requiringNew().call(OutboxEntry::lastId);
        long activityBefore = QuarkusTransaction.requiringNew().call(() -> Activity.count("group.id", Long.valueOf(d.g.id)));
        List<LiveEvent> announced = new CopyOnWriteArrayList<>();

        try (Fanout.Subscription ignored = fanout.subscribe(announced::add)) {
            RuntimeException failed = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                notes.reply(question, signedIn, NoteDraft.of("A reply that never was, @" + d.g.moderator.username, ""), null);
                throw new IllegalStateException("the request failed after the command");
            }));
            assertTrue(String.valueOf(failed.getMessage()).contains("failed after the command")
                    || failed.getCause() instanceof IllegalStateException, failed.toString());
            // The same command, committed: what it announces arrives, so the lost one had its chance too.
            long kept = notes.reply(question, signedIn, NoteDraft.of("A reply that was", ""), null).id;
            awaitTwo(announced, kept);
            assertEquals(2, announced.size(), "the kept reply and the asker's notification only: " + announced);
            assertTrue(announced.stream().anyMatch(e -> e.type() == LiveEvent.Type.NOTIFICATION
                    && Long.valueOf(member).equals(e.recipientId())), announced.toString());
        }
        List<OutboxEntry.Row> rows = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.after(outboxBefore, 100));
        assertEquals(List.of("ReplyAdded"), rows.stream().map(OutboxEntry.Row::type).toList(), "only the kept reply");
        assertEquals(activityBefore + 1, QuarkusTransaction.requiringNew().call(() -> Activity.count("group.id",
                Long.valueOf(d.g.id))), "one line, for the kept reply");
        long moderator = GroupFixture.accountId(d.g.moderator);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Notification.count("recipientId", moderator)));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Notification.count("recipientId = ?1 and kind = ?2",
                member, Notification.Kind.REPLY)), "the asker hears of the kept reply only");
    }

    /** Waits until the kept reply and one more event arrived, then a little longer for stragglers. */
    private static void awaitTwo(List<LiveEvent> announced, long kept) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((announced.size() < 2 || announced.stream().noneMatch(e -> Long.valueOf(kept).equals(e.annotationId())))
                && System.nanoTime() < deadline) {
            sleep(20);
        }
        sleep(300);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
