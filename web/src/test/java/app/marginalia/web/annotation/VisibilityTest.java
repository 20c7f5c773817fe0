package app.marginalia.web.annotation;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Another person's private notes and another group's discussion never show: not in pages, JSON or counts. */
@QuarkusTest
class VisibilityTest {

    @Test
    void shouldKeepAPrivateNoteToItsAuthor() {
        Discussion d = new Discussion();
        Map<String, Object> secret = d.passage(5, 25, "COMMENTING", "My private doubt about this.");
        secret.put("groupId", null);
        long id = d.create(d.g.member, secret);

        String own = d.g.member.get("/papers/" + d.paperId + "?group=0").asString();
        assertTrue(own.contains("My private doubt about this.") && own.contains("Only you"), own);

        for (Visitor other : new Visitor[]{d.g.owner, d.g.moderator, d.g.outsider, d.g.admin}) {
            String page = d.page(other);
            assertFalse(page.contains("My private doubt"), "page of " + other.username);
            assertFalse(page.contains("data-annotations=\"" + id + "\""), "highlight for " + other.username);
            assertFalse(other.get("/papers/" + d.paperId + "?group=0").asString().contains("My private doubt"));
            other.json("GET", "/api/annotations/" + id, null).then().statusCode(404);
            assertEquals(0, other.json("GET", "/api/papers/" + d.paperId + "/annotations?group=0", null)
                    .jsonPath().getList("$").size());
            other.json("POST", "/api/annotations/" + id + "/replies", Map.of("body", "peek")).then().statusCode(404);
            other.get("/annotations/" + id).then().statusCode(404);
        }
        assertTrue(d.page(d.g.owner).contains("0 threads"));
    }

    @Test
    void shouldShowAGroupsDiscussionOnlyToItsMembers() {
        Discussion ours = new Discussion();
        long id = ours.create(ours.g.member, ours.passage(5, 25, "QUESTIONING", "Group-only question."));
        // The outsider reads the same paper in a group of their own.
        String theirGroup = ours.g.outsider.post("/groups", "name", "Other club", "description", "", "timeZone", "UTC")
                .header("Location").replaceAll(".*/groups/(\\d+).*", "$1");
        ours.g.outsider.post("/groups/" + theirGroup + "/list", "paperId", ours.paperId).then().statusCode(303);
        String theirs = ours.g.outsider.get("/papers/" + ours.paperId + "?group=" + ours.g.id).asString();
        assertFalse(theirs.contains("Group-only question."));
        assertTrue(theirs.contains("Other club"));
        assertFalse(theirs.contains(">Journal club"), "the other group's name leaks");
        ours.g.outsider.json("GET", "/api/papers/" + ours.paperId + "/annotations?group=" + ours.g.id, null)
                .then().statusCode(404);
        ours.g.outsider.json("GET", "/api/annotations/" + id, null).then().statusCode(404);
        Visitor.anonymous().get("/papers/" + ours.paperId).then().statusCode(200)
                .body(not(containsString("Group-only question."))).body(containsString("Sign in</a> to see"));
        Visitor.anonymous().json("GET", "/api/annotations/" + id, null).then().statusCode(401);
    }

    @Test
    void shouldShareAPrivateNoteWithTheGroupWhenItsAuthorChooses() {
        Discussion d = new Discussion();
        Map<String, Object> draft = d.passage(5, 25, "COMMENTING", "Thought I kept to myself.");
        draft.put("groupId", null);
        long id = d.create(d.g.member, draft);
        d.g.owner.post("/annotations/" + id + "/share", "groupId", d.g.id).then().statusCode(404);
        d.g.member.post("/annotations/" + id + "/share", "groupId", d.g.id).then().statusCode(303);
        assertTrue(d.page(d.g.owner).contains("Thought I kept to myself."));
    }

    @Test
    void shouldRefuseANoteInAGroupThatDoesNotReadThePaper() {
        Discussion d = new Discussion();
        String other = d.g.member.post("/groups", "name", "Empty club", "description", "", "timeZone", "UTC")
                .header("Location").replaceAll(".*/groups/(\\d+).*", "$1");
        Map<String, Object> request = d.passage(0, 10, "COMMENTING", "Wrong place");
        request.put("groupId", Long.valueOf(other));
        d.g.member.json("POST", "/api/papers/" + d.paperId + "/annotations", request).then().statusCode(422)
                .body("message", containsString("not on the group's reading list"));
        request.put("groupId", Long.valueOf(d.g.id));
        d.g.outsider.json("POST", "/api/papers/" + d.paperId + "/annotations", request).then().statusCode(404);
    }
}
