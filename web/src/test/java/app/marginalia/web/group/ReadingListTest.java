package app.marginalia.web.group;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ReadingListTest {

    @Test
    void shouldLetMembersProposeAndVoteAndShowTheVotes() {
        GroupFixture g = new GroupFixture();
        String entry = g.propose(g.member);
        g.member.post("/groups/" + g.id + "/list/" + entry + "/vote").then().statusCode(303);
        g.owner.post("/groups/" + g.id + "/list/" + entry + "/vote").then().statusCode(303);
        g.owner.get("/groups/" + g.id).then().body(containsString("2 votes")).body(containsString("Voted ✓"));
        g.owner.post("/groups/" + g.id + "/list/" + entry + "/vote").then().statusCode(303);
        g.owner.get("/groups/" + g.id).then().body(containsString("1 vote"))
                .body(containsString("voted for"));
    }

    @Test
    void shouldScheduleAMeetingInTheGroupsTimeZoneAndShowItAsTheNextMeeting() {
        GroupFixture g = new GroupFixture();
        String entry = g.propose(g.member);
        g.member.post("/groups/" + g.id + "/list/" + entry + "/meeting", "meetingAt", "2099-03-05T18:30")
                .then().statusCode(403);
        g.moderator.post("/groups/" + g.id + "/list/" + entry + "/meeting", "meetingAt", "not a date")
                .then().statusCode(303);
        g.moderator.get("/groups/" + g.id).then().body(containsString("Give the meeting as a date and time"));
        g.moderator.post("/groups/" + g.id + "/list/" + entry + "/meeting", "meetingAt", "2099-03-05T18:30")
                .then().statusCode(303);
        g.member.get("/groups/" + g.id).then()
                .body(containsString("<time datetime=\"2099-03-05T17:30:00Z\">Thu 5 Mar 2099, 18:30</time>"))
                .body(containsString("(Europe/Berlin)"))
                .body(containsString("<h2 id=\"status-SCHEDULED\">Scheduled <span class=\"count\">1</span>"));
        g.member.get("/groups").then().body(containsString("Next meeting"));
    }

    @Test
    void shouldMoveAPaperThroughTheReadingCycleByTheRules() {
        GroupFixture g = new GroupFixture();
        String entry = g.propose(g.member);
        String status = "/groups/" + g.id + "/list/" + entry + "/status";
        g.moderator.post(status, "status", "SCHEDULED").then().statusCode(303);
        g.moderator.get("/groups/" + g.id).then().body(containsString("Choose the meeting&#39;s date and time"));
        g.moderator.post(status, "status", "READING").then().statusCode(303);
        g.moderator.get("/groups/" + g.id).then().body(containsString("cannot move to reading"));
        g.member.post(status, "status", "SCHEDULED", "meetingAt", "2099-01-01T10:00").then().statusCode(403);
        g.moderator.post(status, "status", "SCHEDULED", "meetingAt", "2099-01-01T10:00").then().statusCode(303);
        g.moderator.post(status, "status", "READING").then().statusCode(303);
        g.moderator.post(status, "status", "DISCUSSED").then().statusCode(303);
        g.moderator.post(status, "status", "ARCHIVED").then().statusCode(303);
        g.member.get("/groups/" + g.id).then()
                .body(containsString("<h2 id=\"status-ARCHIVED\">Archived <span class=\"count\">1</span>"))
                .body(containsString("to discussed"));
        g.moderator.post(status, "status", "LOST").then().statusCode(400);
    }

    @Test
    void shouldLetTheProposerWithdrawButNotScheduleTheirPaper() {
        GroupFixture g = new GroupFixture();
        String mine = g.propose(g.member);
        String theirs = g.propose(g.owner);
        g.member.post("/groups/" + g.id + "/list/" + theirs + "/status", "status", "ARCHIVED").then().statusCode(403);
        g.member.post("/groups/" + g.id + "/list/" + theirs + "/remove").then().statusCode(403);
        g.member.post("/groups/" + g.id + "/list/" + mine + "/status", "status", "ARCHIVED").then().statusCode(303);
        g.member.post("/groups/" + g.id + "/list/" + mine + "/status", "status", "PROPOSED").then().statusCode(403);
        g.moderator.post("/groups/" + g.id + "/list/" + theirs + "/remove").then().statusCode(303);
        g.member.get("/groups/" + g.id).then().body(containsString("from the list"));
    }

    @Test
    void shouldNotListAPaperTwiceNorAcceptAPaperThatDoesNotExist() {
        GroupFixture g = new GroupFixture();
        String paperId = GroupFixture.firstInPicker(g.owner, g.id);
        g.owner.post("/groups/" + g.id + "/list", "paperId", paperId).then().statusCode(303);
        g.owner.post("/groups/" + g.id + "/list", "paperId", paperId).then().statusCode(303);
        g.owner.get("/groups/" + g.id).then().body(containsString("is already on the reading list"));
        g.owner.post("/groups/" + g.id + "/list", "paperId", "999999").then().statusCode(303);
        g.owner.get("/groups/" + g.id).then().body(containsString("Choose a paper from the library."));
    }

    @Test
    void shouldProposeFromTheReaderToOnlyTheVisitorsGroups() {
        GroupFixture g = new GroupFixture();
        String paperId = Visitor.anonymous().get("/api/papers").jsonPath().getString("[0].id");
        g.member.get("/papers/" + paperId).then().body(containsString("Propose to group"));
        g.outsider.get("/papers/" + paperId).then().body(not(containsString("Propose to group")));
        g.outsider.post("/papers/" + paperId + "/propose", "groupId", g.id).then().statusCode(404);
        g.member.post("/papers/" + paperId + "/propose", "groupId", g.id).then().statusCode(303);
        g.member.get("/groups/" + g.id).then().body(containsString("href=\"/papers/" + paperId + "?group=" + g.id + "\""));
    }

    @Test
    void shouldHideEverythingOfTheGroupFromOutsiders() {
        GroupFixture g = new GroupFixture();
        String entry = g.propose(g.member);
        for (Visitor v : new Visitor[]{g.outsider, g.admin}) {
            v.get("/groups/" + g.id).then().statusCode(404);
            v.get("/groups/" + g.id + "/members").then().statusCode(404);
            v.post("/groups/" + g.id + "/list/" + entry + "/vote").then().statusCode(404);
            v.post("/groups/" + g.id + "/list/" + entry + "/status", "status", "ARCHIVED").then().statusCode(404);
            v.get("/groups").then().body(not(containsString("Journal club")));
        }
        g.member.get("/groups/" + (Long.parseLong(g.id) + 100000)).then().statusCode(404);
    }
}
