package app.marginalia.web.group;

import app.marginalia.persistence.account.Account;
import app.marginalia.web.Visitor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A group with one person in each role, built the way people build it: the owner creates it
 * and invites the others through a link; the owner then makes one a moderator. An outsider and
 * an instance administrator (who is not a member) stand by.
 */
public final class GroupFixture {

    public final Visitor owner = Visitor.register("owner");
    public final Visitor moderator = Visitor.register("moderator");
    public final Visitor member = Visitor.register("member");
    public final Visitor outsider = Visitor.register("outsider");
    public final Visitor admin = Visitor.register("admin");
    public final String name = "Journal club " + System.nanoTime() % 100000;
    public final String id;
    public final String invitation;

    public GroupFixture() {
        String location = owner.post("/groups", "name", name,
                "description", "We read on Thursdays.", "timeZone", "Europe/Berlin").then().statusCode(303)
                .extract().header("Location");
        id = location.replaceAll(".*/groups/(\\d+).*", "$1");
        invitation = newInvitation(owner.postAndFollow("/groups/" + id + "/invitations", "days", "7"));
        moderator.post("/invite/" + invitation).then().statusCode(303);
        member.post("/invite/" + invitation).then().statusCode(303);
        owner.post("/groups/" + id + "/members/" + accountId(moderator) + "/role", "role", "MODERATOR")
                .then().statusCode(303);
        // Whoever registers first in a test database administers it; make the roles exact.
        QuarkusTransaction.requiringNew().run(() -> {
            for (Visitor v : new Visitor[]{owner, moderator, member, outsider, admin}) {
                Account.findByUsername(v.username).orElseThrow().administrator = v == admin;
            }
        });
    }

    public static long accountId(Visitor visitor) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(visitor.username).orElseThrow().id);
    }

    /**
     * The token of the link just created, from the members page the creation redirects to
     * (its "new link" box holds the whole address, {@code …/invite/TOKEN}).
     */
    public static String newInvitation(io.restassured.response.Response membersPage) {
        Element box = Visitor.html(membersPage).selectFirst("input#new-link");
        assertNotNull(box, "no new invitation link on the page");
        String path = URI.create(box.val()).getPath();
        assertTrue(path.startsWith("/invite/"), path);
        return path.substring("/invite/".length());
    }

    /** The id of the invitation with this token, from its revoke form on the group's members page. */
    public static String invitationId(Visitor owner, String groupId, String token) {
        Element revoke = owner.html("/groups/" + groupId + "/members")
                .selectFirst("tr:has(input[value$=\"/invite/" + token + "\"]) form[action$=/revoke]");
        assertNotNull(revoke, "no revoke form for invitation " + token);
        String prefix = "/groups/" + groupId + "/invitations/";
        String action = revoke.attr("action");
        assertTrue(action.startsWith(prefix), action);
        return action.substring(prefix.length(), action.length() - "/revoke".length());
    }

    /** The first paper the group page offers to propose ("From the library"). */
    public static String firstInPicker(Visitor who, String groupId) {
        Element option = who.html("/groups/" + groupId).selectFirst("select#paperId option[value]");
        assertNotNull(option, "the group page offers no paper");
        return option.val();
    }

    /** The reading-list entry (its {@code entry-N} id) for a paper, from the group page. */
    public static String entryOf(Visitor who, String groupId, String paperId) {
        Document page = who.html("/groups/" + groupId);
        Element entry = page.selectFirst("li.entry:has(> h3.entry__title > a[href=\"/papers/" + paperId
                + "?group=" + groupId + "\"])");
        assertNotNull(entry, "no entry for paper " + paperId);
        assertTrue(entry.id().startsWith("entry-"), entry.id());
        return entry.id().substring("entry-".length());
    }

    /** Proposes a library paper (the first in the group page's picker) and returns the entry id. */
    public String propose(Visitor who) {
        String paperId = firstInPicker(who, id);
        who.post("/groups/" + id + "/list", "paperId", paperId).then().statusCode(303);
        return entryOf(who, id, paperId);
    }
}
