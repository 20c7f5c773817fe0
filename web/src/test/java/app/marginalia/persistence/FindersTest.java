package app.marginalia.persistence;

import app.marginalia.core.group.Role;
import app.marginalia.persistence.account.AccountSession;
import app.marginalia.persistence.group.GroupCount;
import app.marginalia.persistence.group.GroupMeeting;
import app.marginalia.persistence.group.Invitation;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.persistence.group.Vote;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperOrigin;
import app.marginalia.persistence.paper.PdfUpload;
import app.marginalia.web.Visitor;
import app.marginalia.web.group.GroupFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The named finders the web module's services used to write as HQL themselves, each returning
 * typed rows: checked against data made through the pages, in both databases.
 */
@QuarkusTest
class FindersTest {

    private static <T> T read(java.util.concurrent.Callable<T> query) {
        return QuarkusTransaction.requiringNew().call(query);
    }

    @Test
    void shouldCountMembersListsAndNextMeetingsPerGroupInTypedRows() {
        GroupFixture g = new GroupFixture();
        long group = Long.parseLong(g.id);
        String location = g.outsider.post("/groups", "name", "Second group", "description", "", "timeZone", "UTC")
                .then().statusCode(303).extract().header("Location");
        long second = Long.parseLong(location.replaceAll(".*/groups/(\\d+).*", "$1"));
        String later = g.propose(g.owner), sooner = g.propose(g.owner), voted = g.propose(g.member);
        g.owner.post("/groups/" + g.id + "/list/" + later + "/meeting", "meetingAt", "2099-06-01T10:00").then().statusCode(303);
        // An earlier meeting of a paper already discussed is not the next meeting.
        g.owner.post("/groups/" + g.id + "/list/" + sooner + "/meeting", "meetingAt", "2098-06-01T10:00").then().statusCode(303);
        g.owner.post("/groups/" + g.id + "/list/" + sooner + "/status", "status", "READING").then().statusCode(303);
        g.owner.post("/groups/" + g.id + "/list/" + sooner + "/status", "status", "DISCUSSED").then().statusCode(303);
        g.member.post("/groups/" + g.id + "/list/" + voted + "/vote", "cast", "true").then().statusCode(303);
        List<Long> ids = List.of(group, second);

        assertEquals(Map.of(group, 3L, second, 1L), byGroup(read(() -> Membership.sizes(ids))));
        assertEquals(Map.of(group, 3L), byGroup(read(() -> ReadingListEntry.listSizes(ids))), "an empty list has no row");
        assertEquals(List.of(new GroupMeeting(group, Instant.parse("2099-06-01T08:00:00Z"))),
                read(() -> ReadingListEntry.nextMeetings(ids, Instant.now())));
        assertEquals(List.of(new Vote.Cast(Long.parseLong(voted), GroupFixture.accountId(g.member))),
                read(() -> Vote.ofGroup(group)));
        assertEquals(List.of(Role.MEMBER, Role.MODERATOR, Role.OWNER).stream().sorted().toList(),
                read(() -> Membership.rolesIn(group)).stream().sorted().toList());
        assertEquals(3, read(() -> Membership.countIn(group)));

        long outsider = GroupFixture.accountId(g.outsider), member = GroupFixture.accountId(g.member);
        Map<Long, Long> groupsOf = read(Membership::groupsPerAccount).stream()
                .collect(Collectors.toMap(Membership.AccountGroups::accountId, Membership.AccountGroups::groups));
        assertEquals(1L, groupsOf.get(outsider));
        assertEquals(1L, groupsOf.get(member));
        assertFalse(groupsOf.containsKey(GroupFixture.accountId(g.admin)), "an account in no group has no row");

        // Where the reader offers to propose: only groups whose list lacks the paper.
        long listedPaper = read(() -> ReadingListEntry.<ReadingListEntry>findById(Long.parseLong(later)).paper.id);
        assertTrue(read(() -> Membership.ofAccountWithoutPaper(member, listedPaper)).isEmpty());
        long unlisted = read(() -> Paper.<Paper>listAll().stream().map(p -> p.id)
                .filter(p -> !ReadingListEntry.listed(group, p)).findFirst().orElseThrow());
        assertEquals(List.of(group), read(() -> Membership.ofAccountWithoutPaper(member, unlisted).stream()
                .map(m -> m.group.id).toList()));
    }

    @Test
    void shouldFindAnInvitationOnlyInItsOwnGroup() {
        GroupFixture g = new GroupFixture();
        long group = Long.parseLong(g.id);
        long invitation = read(() -> Invitation.findByToken(g.invitation).orElseThrow().id);
        assertTrue(read(() -> Invitation.inGroup(group, invitation)).isPresent());
        assertTrue(read(() -> Invitation.inGroup(group + 100_000, invitation)).isEmpty());
    }

    @Test
    void shouldListTheSeedPapersOldestFirst() {
        List<Paper> seeds = read(() -> {
            List<Paper> papers = Paper.listFromSeeds();
            papers.forEach(p -> p.origins.size());
            return papers;
        });
        assertFalse(seeds.isEmpty());
        assertEquals(seeds.stream().sorted(Comparator.comparing(p -> p.id)).toList(), seeds);
        assertTrue(seeds.stream().allMatch(p -> p.origins.stream().anyMatch(o -> o.kind == PaperOrigin.Kind.SEED)));
    }

    @Test
    void shouldFindTheSessionsBeyondTheNewestEndThemAndExtendOne() {
        Visitor first = Visitor.register("sessions");
        long account = GroupFixture.accountId(first);
        Visitor.signIn(first.username, Visitor.PASSWORD);
        Visitor.signIn(first.username, Visitor.PASSWORD);
        List<AccountSession> all = read(() -> AccountSession.<AccountSession>list("account.id = ?1 order by expiresAt desc",
                account));
        assertEquals(3, all.size());
        List<String> beyond = read(() -> AccountSession.idsBeyondNewest(account, 1));
        assertEquals(all.subList(1, 3).stream().map(s -> s.id).toList(), beyond);
        // Extending the oldest makes it the newest.
        String oldest = all.get(2).id;
        Instant until = Instant.now().plusSeconds(365L * 24 * 3600);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AccountSession.extend(oldest, until)));
        assertFalse(read(() -> AccountSession.idsBeyondNewest(account, 1)).contains(oldest));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AccountSession.endAll(beyond.stream()
                .filter(id -> !id.equals(oldest)).toList())));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> AccountSession.endAll(List.of())));
        assertEquals(java.util.Set.of(all.get(0).id, oldest), read(() -> AccountSession.<AccountSession>list("account.id",
                account).stream().map(s -> s.id).collect(Collectors.toSet())));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> AccountSession.extend("no-such-session", until)));
    }

    @Test
    void shouldListAnAccountsWaitingUploadsOldestFirst() {
        long account = GroupFixture.accountId(Visitor.register("uploader"));
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i : new int[]{2, 0, 1}) {
                PdfUpload upload = new PdfUpload();
                upload.token = "finders-" + account + "-" + i;
                upload.accountId = account;
                upload.fileName = "f" + i + ".pdf";
                upload.sha256 = "0".repeat(64);
                upload.sizeBytes = 1;
                upload.content = new byte[]{1};
                upload.createdAt = now.minusSeconds(100 - i);
                upload.persist();
            }
        });
        assertEquals(List.of("f0.pdf", "f1.pdf", "f2.pdf"),
                read(() -> PdfUpload.ofAccountOldestFirst(account).stream().map(u -> u.fileName).toList()));
    }

    private static Map<Long, Long> byGroup(List<GroupCount> counts) {
        return counts.stream().collect(Collectors.toMap(GroupCount::groupId, GroupCount::count));
    }

}
