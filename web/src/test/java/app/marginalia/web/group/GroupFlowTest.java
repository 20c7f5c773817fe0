package app.marginalia.web.group;

import app.marginalia.web.Visitor;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class GroupFlowTest {

    @Test
    void shouldCreateAPrivateGroupWithItsCreatorAsOwner() {
        Visitor ada = Visitor.register("ada");
        ada.get("/groups").then().body(containsString("You are in no reading group yet"));
        String location = ada.post("/groups", "name", "Interpretability circle", "description", "Mechanistic papers",
                "timeZone", "Europe/London").then().statusCode(303).extract().header("Location");
        ada.get(location).then().statusCode(200)
                .body(containsString("<h1>Interpretability circle</h1>"))
                .body(containsString("Owner"))
                .body(containsString("created the group"));
        ada.get("/groups").then().body(containsString("Interpretability circle"));
        Visitor.register("stranger").get(location).then().statusCode(404).body(not(containsString("Interpretability")));
        Visitor.anonymous().get(location).then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void shouldRefuseAGroupWithoutANameOrWithAnUnknownTimeZone() {
        Visitor.register("ada").post("/groups", "name", " ", "description", "x".repeat(2001), "timeZone", "Mars/Olympus")
                .then().statusCode(400)
                .body(containsString("Give the group a name."))
                .body(containsString("The description is longer than 2000 characters."))
                .body(containsString("Choose a time zone"));
    }

    @Test
    void shouldInviteByLinkAndLetSomeoneJoinOnlyWhileTheLinkIsGood() {
        GroupFixture g = new GroupFixture();
        Visitor newcomer = Visitor.register("newcomer");
        newcomer.get("/invite/" + g.invitation).then().statusCode(200)
                .body(containsString("invites you to this reading group"))
                .body(containsString("Join"));
        Visitor.anonymous().get("/invite/" + g.invitation).then().statusCode(200)
                .body(containsString("/register?next=/invite/" + g.invitation));
        newcomer.post("/invite/" + g.invitation).then().statusCode(303)
                .header("Location", containsString("/groups/" + g.id));
        newcomer.get("/groups/" + g.id).then().statusCode(200).body(containsString("joined through an invitation link"));

        String invitationId = GroupFixture.invitationId(g.owner, g.id, g.invitation);
        g.owner.post("/groups/" + g.id + "/invitations/" + invitationId + "/revoke").then().statusCode(303);
        Visitor late = Visitor.register("late");
        late.get("/invite/" + g.invitation).then().statusCode(404);
        late.post("/invite/" + g.invitation).then().statusCode(404);
        late.get("/invite/not-a-real-token").then().statusCode(404);
    }

    @Test
    void shouldStopALinkAfterItsMaximumUses() {
        GroupFixture g = new GroupFixture();
        String token = GroupFixture.newInvitation(
                g.owner.postAndFollow("/groups/" + g.id + "/invitations", "days", "1", "maxUses", "1"));
        Visitor.register("first").post("/invite/" + token).then().statusCode(303);
        Visitor.register("second").post("/invite/" + token).then().statusCode(404);
        g.owner.post("/groups/" + g.id + "/invitations", "days", "91").then().statusCode(303);
        g.owner.get("/groups/" + g.id + "/members").then().body(containsString("An invitation lasts 1 to 90 days."));
    }

    @Test
    void shouldLetOnlyManagersInviteAndOnlyOwnersChangeRoles() {
        GroupFixture g = new GroupFixture();
        g.member.post("/groups/" + g.id + "/invitations", "days", "7").then().statusCode(403);
        g.moderator.postAndFollow("/groups/" + g.id + "/invitations", "days", "7").then().statusCode(200)
                .body(containsString("Your invitation link"));
        g.moderator.post("/groups/" + g.id + "/members/" + GroupFixture.accountId(g.member) + "/role", "role", "MODERATOR")
                .then().statusCode(403);
        g.owner.get("/groups/" + g.id + "/members").then().body(containsString("Make member"));
    }

    @Test
    void shouldRemoveMembersByRank() {
        GroupFixture g = new GroupFixture();
        g.member.post("/groups/" + g.id + "/members/" + GroupFixture.accountId(g.moderator) + "/remove")
                .then().statusCode(403);
        g.moderator.post("/groups/" + g.id + "/members/" + GroupFixture.accountId(g.owner) + "/remove")
                .then().statusCode(403);
        g.moderator.post("/groups/" + g.id + "/members/" + GroupFixture.accountId(g.member) + "/remove")
                .then().statusCode(303);
        g.member.get("/groups/" + g.id).then().statusCode(404);
        g.owner.get("/groups/" + g.id).then().body(containsString("removed Member"));
    }

    @Test
    void shouldKeepTheLastOwnerUntilOwnershipIsHandedOver() {
        GroupFixture g = new GroupFixture();
        g.owner.get("/groups/" + g.id + "/members").then().body(containsString("Transfer ownership to another member"));
        g.owner.post("/groups/" + g.id + "/leave").then().statusCode(303)
                .header("Location", containsString("/members"));
        g.owner.get("/groups/" + g.id).then().statusCode(200);

        g.owner.post("/groups/" + g.id + "/transfer", "accountId", String.valueOf(GroupFixture.accountId(g.member)))
                .then().statusCode(303);
        g.member.get("/groups/" + g.id).then().body(containsString("<span class=\"role\">Owner</span>"));
        g.owner.post("/groups/" + g.id + "/leave").then().statusCode(303).header("Location", containsString("/groups"));
        g.owner.get("/groups/" + g.id).then().statusCode(404);
        g.member.get("/groups/" + g.id).then().body(containsString("left the group"))
                .body(containsString("handed ownership to Member"));
    }

    @Test
    void shouldLetAMemberLeave() {
        GroupFixture g = new GroupFixture();
        g.member.post("/groups/" + g.id + "/leave").then().statusCode(303);
        g.member.get("/groups/" + g.id).then().statusCode(404);
    }

    @Test
    void shouldEditSettingsAndDeleteOnlyWhenTheOwnerConfirmsByName() {
        GroupFixture g = new GroupFixture();
        g.member.get("/groups/" + g.id + "/settings").then().statusCode(403);
        g.moderator.post("/groups/" + g.id + "/settings", "name", "Renamed club", "description", "New", "timeZone", "Asia/Tokyo")
                .then().statusCode(303);
        g.owner.get("/groups/" + g.id).then().body(containsString("<h1>Renamed club</h1>"));
        g.moderator.post("/groups/" + g.id + "/delete", "confirmName", "Renamed club").then().statusCode(403);
        g.owner.post("/groups/" + g.id + "/delete", "confirmName", "Wrong name").then().statusCode(303)
                .header("Location", containsString("/settings"));
        g.owner.get("/groups/" + g.id).then().statusCode(200);
        g.owner.post("/groups/" + g.id + "/delete", "confirmName", "Renamed club").then().statusCode(303)
                .header("Location", containsString("/groups"));
        g.owner.get("/groups/" + g.id).then().statusCode(404);
        g.member.get("/groups").then().body(not(containsString("Renamed club")));
    }
}
