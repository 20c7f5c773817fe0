package app.marginalia.web.annotation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole discussion works with plain HTML forms, without JavaScript. */
@QuarkusTest
class ReaderFormsTest {

    @Test
    void shouldHoldADiscussionThroughFormsAlone() {
        Discussion d = new Discussion();
        String created = d.g.member.post("/papers/" + d.paperId + "/annotations", "groupId", d.g.id,
                "motivation", "QUESTIONING", "body", "Is the *toy model* realistic?", "tags", "scope")
                .then().statusCode(303).extract().header("Location");
        assertTrue(created.contains("#annotation-"), created);
        long id = Long.parseLong(created.replaceAll(".*#annotation-(\\d+)", "$1"));
        d.g.owner.get(created.replaceAll("#.*", "")).then().statusCode(200)
                .body(containsString("Open question"))
                .body(containsString("<em>toy model</em>"))
                .body(containsString("#scope"));

        d.g.member.post("/annotations/" + id + "/edit", "body", "Is the *toy model* realistic at scale?", "tags", "scope",
                "version", "0").then().statusCode(303);
        String reply = d.g.owner.post("/annotations/" + id + "/replies", "body", "Only as an analogy.")
                .then().statusCode(303).extract().header("Location");
        long replyId = Long.parseLong(reply.replaceAll(".*#annotation-(\\d+)", "$1"));
        d.g.moderator.post("/annotations/" + replyId + "/react", "kind", "INSIGHTFUL").then().statusCode(303);
        d.g.member.post("/annotations/" + id + "/answer", "replyId", String.valueOf(replyId)).then().statusCode(303);
        d.g.member.post("/annotations/" + id + "/resolve", "resolved", "true").then().statusCode(303);

        String page = d.page(d.g.owner);
        assertTrue(page.contains("Only as an analogy.") && page.contains("note--answer") && page.contains("Resolved")
                && page.contains("realistic at scale") && page.contains("<span class=\"visually-hidden\">Insightful</span> 1"),
                page);
        d.g.member.post("/papers/" + d.paperId + "/annotations", "groupId", d.g.id, "motivation", "COMMENTING",
                "body", "").then().statusCode(303);
        d.g.member.get("/papers/" + d.paperId + "?group=" + d.g.id).then().body(containsString("Write something first."));
    }

    @Test
    void shouldOpenAPermalinkOnItsThread() {
        Discussion d = new Discussion();
        long id = d.create(d.g.member, d.passage(30, 60, "COMMENTING", "Worth discussing."));
        String location = d.g.owner.get("/annotations/" + id).then().statusCode(303).extract().header("Location");
        d.g.owner.get(location.replaceAll("#.*", "")).then().statusCode(200)
                .body(containsString("id=\"annotation-" + id + "\""))
                .body(containsString("<mark class=\"hl hl--commenting\" data-annotations=\"" + id + "\" id=\"hl-" + id
                        + "\"><a href=\"#annotation-" + id + "\">"));
    }
}
