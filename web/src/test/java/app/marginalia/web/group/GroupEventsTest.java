package app.marginalia.web.group;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.discussion.DiscussionEvent.AccountChanged;
import app.marginalia.core.discussion.DiscussionEvent.ConclusionRecorded;
import app.marginalia.core.discussion.DiscussionEvent.GroupChange;
import app.marginalia.core.discussion.DiscussionEvent.GroupChanged;
import app.marginalia.core.discussion.DiscussionEvent.ListChange;
import app.marginalia.core.discussion.DiscussionEvent.MemberChange;
import app.marginalia.core.discussion.DiscussionEvent.MembershipChanged;
import app.marginalia.core.discussion.DiscussionEvent.ReadingListChanged;
import app.marginalia.persistence.account.Account;
import app.marginalia.web.Visitor;
import app.marginalia.web.annotation.Discussion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every command of the group, membership, reading-list, conclusion and account services emits
 * exactly one event, with the facts its activity line needs; a repeat that changes nothing and a
 * refused request emit none. Read from the outbox, where every event is written.
 */
@QuarkusTest
class GroupEventsTest {

    @Test
    void shouldEmitOneGroupChangedPerChangeOfAGroup() {
        Visitor ada = Visitor.register("ada");
        long adaId = GroupFixture.accountId(ada);
        Outbox outbox = new Outbox();
        String location = ada.post("/groups", "name", "Events club", "description", "", "timeZone", "Europe/Berlin")
                .then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/groups/(\\d+).*", "$1"));
        assertEquals(new GroupChanged(id, adaId, GroupChange.CREATED), outbox.one());

        ada.post("/groups/" + id + "/settings", "name", "Events club, renamed", "description", "d",
                "timeZone", "Europe/Paris").then().statusCode(303);
        assertEquals(new GroupChanged(id, adaId, GroupChange.EDITED), outbox.one());
        ada.post("/groups/" + id + "/settings", "name", " ", "description", "", "timeZone", "Europe/Paris")
                .then().statusCode(400);
        outbox.none();

        String members = ada.postAndFollow("/groups/" + id + "/invitations", "days", "3").asString();
        assertEquals(new GroupChanged(id, adaId, GroupChange.INVITATION_CREATED), outbox.one());
        String invitation = org.jsoup.Jsoup.parse(members).selectFirst("form[action$=/revoke]").attr("action");
        ada.post(invitation).then().statusCode(303);
        assertEquals(new GroupChanged(id, adaId, GroupChange.INVITATION_REVOKED), outbox.one());
        ada.post(invitation).then().statusCode(303);
        outbox.none();

        ada.post("/groups/" + id + "/delete", "confirmName", "not its name").then().statusCode(303);
        outbox.none();
        ada.post("/groups/" + id + "/delete", "confirmName", "Events club, renamed").then().statusCode(303);
        assertEquals(new GroupChanged(id, adaId, GroupChange.DELETED), outbox.one());
    }

    @Test
    void shouldEmitOneMembershipChangedAboutTheMemberWithTheirNewRole() {
        GroupFixture g = new GroupFixture();
        long group = Long.parseLong(g.id);
        long owner = GroupFixture.accountId(g.owner), member = GroupFixture.accountId(g.member);
        Visitor newcomer = Visitor.register("newcomer");
        long newcomerId = GroupFixture.accountId(newcomer);
        Outbox outbox = new Outbox();

        newcomer.post("/invite/" + g.invitation).then().statusCode(303);
        assertEquals(new MembershipChanged(group, newcomerId, newcomerId, MemberChange.JOINED, "MEMBER"), outbox.one());
        newcomer.post("/invite/" + g.invitation).then().statusCode(303);
        outbox.none();

        g.owner.post("/groups/" + g.id + "/members/" + member + "/role", "role", "MODERATOR").then().statusCode(303);
        assertEquals(new MembershipChanged(group, member, owner, MemberChange.ROLE_CHANGED, "MODERATOR"), outbox.one());
        g.owner.post("/groups/" + g.id + "/members/" + member + "/role", "role", "MODERATOR").then().statusCode(303);
        outbox.none();

        g.owner.post("/groups/" + g.id + "/members/" + newcomerId + "/remove").then().statusCode(303);
        assertEquals(new MembershipChanged(group, newcomerId, owner, MemberChange.REMOVED, null), outbox.one());

        g.owner.post("/groups/" + g.id + "/transfer", "accountId", String.valueOf(member)).then().statusCode(303);
        assertEquals(new MembershipChanged(group, member, owner, MemberChange.OWNERSHIP_TRANSFERRED, "OWNER"),
                outbox.one());

        g.owner.post("/groups/" + g.id + "/leave").then().statusCode(303);
        assertEquals(new MembershipChanged(group, owner, owner, MemberChange.LEFT, null), outbox.one());
    }

    @Test
    void shouldEmitOneReadingListChangedWithTheFactItsLineNeeds() {
        GroupFixture g = new GroupFixture();
        long group = Long.parseLong(g.id);
        long moderator = GroupFixture.accountId(g.moderator), member = GroupFixture.accountId(g.member);
        Outbox outbox = new Outbox();

        String entry = g.propose(g.member);
        DiscussionEvent proposed = outbox.one();
        long paper = ((ReadingListChanged) proposed).paperId();
        assertEquals(new ReadingListChanged(group, paper, member, ListChange.PROPOSED, null), proposed);

        g.member.post("/groups/" + g.id + "/list/" + entry + "/vote", "cast", "true").then().statusCode(303);
        assertEquals(new ReadingListChanged(group, paper, member, ListChange.VOTE_CAST, null), outbox.one());
        g.member.post("/groups/" + g.id + "/list/" + entry + "/vote", "cast", "true").then().statusCode(303);
        outbox.none();
        g.member.post("/groups/" + g.id + "/list/" + entry + "/vote", "cast", "false").then().statusCode(303);
        assertEquals(new ReadingListChanged(group, paper, member, ListChange.VOTE_WITHDRAWN, null), outbox.one());

        g.moderator.post("/groups/" + g.id + "/list/" + entry + "/meeting", "meetingAt", "2099-03-05T18:30")
                .then().statusCode(303);
        assertEquals(new ReadingListChanged(group, paper, moderator, ListChange.MEETING_SCHEDULED,
                Instant.parse("2099-03-05T17:30:00Z").toString()), outbox.one(), "the meeting as an ISO instant");

        g.moderator.post("/groups/" + g.id + "/list/" + entry + "/status", "status", "READING").then().statusCode(303);
        assertEquals(new ReadingListChanged(group, paper, moderator, ListChange.STATUS_CHANGED, "READING"), outbox.one());
        g.moderator.post("/groups/" + g.id + "/list/" + entry + "/status", "status", "PROPOSED").then().statusCode(303);
        outbox.none();

        g.moderator.post("/groups/" + g.id + "/list/" + entry + "/remove").then().statusCode(303);
        assertEquals(new ReadingListChanged(group, paper, moderator, ListChange.REMOVED, null), outbox.one());
    }

    @Test
    void shouldEmitOneConclusionRecordedSayingWhetherItMovedOrUpdated() {
        Discussion d = new Discussion();
        long group = Long.parseLong(d.g.id), paper = Long.parseLong(d.paperId);
        long moderator = GroupFixture.accountId(d.g.moderator);
        String entry = ReadingStatusRulesTest.entryOf(d);
        d.g.moderator.post("/groups/" + d.g.id + "/list/" + entry + "/meeting", "meetingAt", "2031-03-06T17:00")
                .then().statusCode(303);
        String base = "/groups/" + d.g.id + "/papers/" + d.paperId + "/conclusion";
        Outbox outbox = new Outbox();

        d.g.moderator.post(base, "conclusion", "Worth it.").then().statusCode(303);
        ConclusionRecorded first = (ConclusionRecorded) outbox.one();
        assertEquals(new ConclusionRecorded(first.entryId(), paper, group, moderator, DiscussionEvent.CONCLUSION_MOVED),
                first);
        d.g.moderator.post(base, "conclusion", "Revised.").then().statusCode(303);
        assertEquals(new ConclusionRecorded(first.entryId(), paper, group, moderator, DiscussionEvent.CONCLUSION_UPDATED),
                outbox.one());
        d.g.member.post(base, "conclusion", "Members cannot.").then().statusCode(403);
        outbox.none();
    }

    @Test
    void shouldEmitOneAccountChangedForANewNameAndForEverythingThatEndsSessions() {
        Visitor bo = Visitor.register("bo");
        long id = GroupFixture.accountId(bo);
        Outbox outbox = new Outbox();

        bo.post("/account", "displayName", "Bo Renamed", "email", bo.username + "@example.org").then().statusCode(303);
        assertEquals(new AccountChanged(id, id, true), outbox.one());
        bo.post("/account", "displayName", "Bo Renamed", "email", "other-" + bo.username + "@example.org")
                .then().statusCode(303);
        outbox.none();

        bo.post("/account/password", "currentPassword", Visitor.PASSWORD, "newPassword", Visitor.PASSWORD + " again")
                .then().statusCode(303);
        assertEquals(new AccountChanged(id, id, false), outbox.one());

        Visitor other = Visitor.signIn(bo.username, Visitor.PASSWORD + " again");
        outbox.mark();
        other.post("/logout").then().statusCode(303);
        assertEquals(new AccountChanged(id, id, false), outbox.one());

        bo.get("/account"); // a new session after the password change: the page carries its new form token
        bo.post("/account/sign-out-everywhere").then().statusCode(303);
        assertEquals(new AccountChanged(id, id, false), outbox.one());

        Visitor root = Visitor.register("root");
        long rootId = GroupFixture.accountId(root);
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(rootId).administrator = true);
        outbox.mark();
        root.post("/admin/accounts/" + id + "/disable", "confirm", "true").then().statusCode(303);
        assertEquals(new AccountChanged(id, rootId, false), outbox.one(), "disabled by an administrator");
        root.post("/admin/accounts/" + id + "/disable", "confirm", "true").then().statusCode(303);
        outbox.none();
    }
}
