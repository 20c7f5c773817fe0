package app.marginalia.web.group;

import app.marginalia.persistence.account.Account;
import app.marginalia.web.Visitor;
import io.quarkus.narayana.jta.QuarkusTransaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    public final String id;
    public final String invitation;

    public GroupFixture() {
        String location = owner.post("/groups", "name", "Journal club " + System.nanoTime() % 100000,
                "description", "We read on Thursdays.", "timeZone", "Europe/Berlin").then().statusCode(303)
                .extract().header("Location");
        id = location.replaceAll(".*/groups/(\\d+).*", "$1");
        String page = owner.postAndFollow("/groups/" + id + "/invitations", "days", "7").asString();
        invitation = page.replaceAll("(?s).*id=\"new-link\" type=\"text\" readonly value=\"[^\"]*/invite/([^\"]+)\".*", "$1");
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

    /** Proposes a library paper (by its position in the group page's picker) and returns the entry id. */
    public String propose(Visitor who) {
        String page = who.get("/groups/" + id).asString();
        String paperId = page.replaceAll("(?s).*<select id=\"paperId\" name=\"paperId\" required>\\s*<option value=\"(\\d+)\".*", "$1");
        who.post("/groups/" + id + "/list", "paperId", paperId).then().statusCode(303);
        String after = who.get("/groups/" + id).asString();
        String entry = after.replaceAll("(?s).*id=\"entry-(\\d+)\">\\s*<h3 class=\"entry__title\"><a href=\"/papers/" + paperId
                + "\\?group=.*", "$1");
        assertEquals(true, entry.matches("\\d+"), "no entry for paper " + paperId);
        return entry;
    }
}
