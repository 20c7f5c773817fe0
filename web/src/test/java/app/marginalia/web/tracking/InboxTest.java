package app.marginalia.web.tracking;

import app.marginalia.web.annotation.Discussion;
import app.marginalia.web.group.GroupFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox: mentions, replies, answers and scheduled papers, an unread count, marking read. */
@QuarkusTest
class InboxTest {

    @Test
    void shouldCollectRepliesAnswersMentionsAndScheduledPapersForTheirRecipientOnly() {
        Discussion d = new Discussion();
        long question = d.create(d.g.member, d.passage(0, 10, "QUESTIONING", "Why?"));
        long reply = d.reply(d.g.owner, question, "Because, @" + d.g.moderator.username + " knows more.");
        d.g.owner.json("POST", "/api/annotations/" + question + "/answer", Map.of("replyId", reply)).then().statusCode(200);
        String entry = GroupFixture.entryOf(d.g.owner, d.g.id, d.paperId);
        d.g.owner.post("/groups/" + d.g.id + "/list/" + entry + "/meeting", "meetingAt", "2031-01-09T18:00")
                .then().statusCode(303);
        // A mention in a private note notifies nobody.
        Map<String, Object> priv = d.passage(20, 30, "COMMENTING", "@" + d.g.member.username + " private");
        priv.remove("groupId");
        d.create(d.g.owner, priv);

        JsonPath inbox = d.g.member.get("/api/notifications").jsonPath();
        assertEquals(List.of("SCHEDULED", "ANSWER", "REPLY"), inbox.getList("notifications.kind"));
        assertEquals(3, inbox.getInt("unread"));
        assertTrue(inbox.getString("notifications[0].target").startsWith("/papers/" + d.paperId + "?group=" + d.g.id));
        assertEquals("/annotations/" + reply, inbox.getString("notifications[1].target"));
        assertEquals(List.of("SCHEDULED", "MENTION"), d.g.moderator.get("/api/notifications").jsonPath()
                .getList("notifications.kind"));
        assertFalse(d.g.owner.get("/api/notifications").jsonPath().getList("notifications.kind").contains("SCHEDULED"),
                "not told about what they did themselves");

        // The header counts; the page lists; opening one marks it read and goes to it.
        String page = d.g.member.get("/notifications").asString();
        assertTrue(page.contains("<span data-unread-number>3</span>"), "the unread count in the header");
        assertTrue(page.contains("marked an answer to your question"));
        long first = inbox.getLong("notifications[2].id");
        String location = d.g.member.post("/notifications/" + first + "/read", "open", "true").then().statusCode(303)
                .extract().header("Location");
        assertTrue(location.endsWith("/annotations/" + reply), location);
        assertEquals(2, d.g.member.get("/api/notifications/unread").jsonPath().getInt("unread"));
        // Someone else's notification does not exist for them.
        d.g.moderator.post("/notifications/" + first + "/read").then().statusCode(404);
        d.g.moderator.json("POST", "/api/notifications/" + first + "/read", null).then().statusCode(404);

        String all = d.g.member.postAndFollow("/notifications/read").asString();
        assertTrue(all.contains("2 notifications marked as read."), all);
        assertTrue(all.contains("Nothing unread."));
        assertEquals(0, d.g.member.get("/api/notifications/unread").jsonPath().getInt("unread"));
    }

    @Test
    void shouldStopShowingAGroupsNotificationsOnceTheRecipientLeavesIt() {
        Discussion d = new Discussion();
        long note = d.create(d.g.member, d.passage(0, 10, "COMMENTING", "Note"));
        d.reply(d.g.owner, note, "Reply");
        JsonPath before = d.g.member.get("/api/notifications").jsonPath();
        assertEquals(1, before.getList("notifications.findAll { it.group != null && it.kind == 'REPLY' }").size());
        assertTrue(before.getList("notifications.group").contains(d.g.name), "the notification names the group");
        d.g.member.post("/groups/" + d.g.id + "/leave").then().statusCode(303);
        JsonPath after = d.g.member.get("/api/notifications").jsonPath();
        assertFalse(after.getList("notifications.group").contains(d.g.name), "the group's notifications are gone");
        assertEquals(0, after.getInt("unread"));
    }
}
