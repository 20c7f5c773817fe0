package app.marginalia.web.annotation;

import app.marginalia.core.annotation.ReactionKind;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.annotation.Notification;
import app.marginalia.persistence.annotation.Reaction;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.web.group.GroupFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The persistence finders the note commands, observers and the reader use, against a real discussion. */
@QuarkusTest
class NoteFindersTest {

    @Test
    void shouldFindTheDiscussionsThatReadAPaperAndTheMembersANoteNames() {
        Discussion d = new Discussion();
        long member = GroupFixture.accountId(d.g.member);
        long outsider = GroupFixture.accountId(d.g.outsider);
        long paper = Long.parseLong(d.paperId);
        long group = Long.parseLong(d.g.id);
        QuarkusTransaction.requiringNew().run(() -> {
            List<Membership> reading = Membership.readingPaper(member, paper);
            assertEquals(List.of(group), reading.stream().map(m -> m.group.id).toList(), "the one group that reads it");
            assertEquals(List.of(), Membership.readingPaper(outsider, paper));
            List<Membership> named = Membership.named(group, Set.of(d.g.member.username, d.g.outsider.username, "nobody"));
            assertEquals(List.of(d.g.member.username), named.stream().map(m -> m.account.username).toList(),
                    "members only, with their accounts");
            assertEquals(List.of(), Membership.named(group, Set.of()));
        });
    }

    @Test
    void shouldReadAThreadAndItsCountsAndMoveIt() {
        Discussion d = new Discussion();
        long root = d.create(d.g.member, d.passage(0, 10, "COMMENTING", "A thread to find"));
        long reply = d.reply(d.g.owner, root, "First");
        long nested = d.reply(d.g.moderator, reply, "Second");
        d.g.owner.json("POST", "/api/annotations/" + root + "/reactions", Map.of("kind", "AGREE")).then().statusCode(200);
        d.g.member.json("POST", "/api/annotations/" + root + "/reactions", Map.of("kind", "AGREE")).then().statusCode(200);
        d.g.member.json("POST", "/api/annotations/" + reply + "/reactions", Map.of("kind", "CONFUSED")).then().statusCode(200);
        long member = GroupFixture.accountId(d.g.member);
        long owner = GroupFixture.accountId(d.g.owner);
        long paper = Long.parseLong(d.paperId);
        long group = Long.parseLong(d.g.id);
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(List.of(root, reply, nested), Annotation.thread(root).stream().map(a -> a.id).toList());
            assertTrue(Annotation.hasReplies(root) && Annotation.hasReplies(reply));
            assertFalse(Annotation.hasReplies(nested));

            List<Reaction.Count> seen = Reaction.countsVisible(paper, group, member).stream()
                    .filter(c -> c.annotationId() == root || c.annotationId() == reply).toList();
            assertTrue(seen.contains(new Reaction.Count(root, ReactionKind.AGREE, 2, true)), seen.toString());
            assertTrue(seen.contains(new Reaction.Count(reply, ReactionKind.CONFUSED, 1, true)), seen.toString());
            assertTrue(Reaction.countsVisible(paper, group, owner).contains(
                    new Reaction.Count(reply, ReactionKind.CONFUSED, 1, false)));
            List<Reaction.Total> totals = Reaction.totalsInGroup(paper, group);
            assertTrue(totals.contains(new Reaction.Total(root, 2)) && totals.contains(new Reaction.Total(reply, 1)),
                    totals.toString());

            assertTrue(Notification.exists(member, reply, Notification.Kind.REPLY), "the reply told the root's author");
            assertFalse(Notification.exists(member, reply, Notification.Kind.MENTION));
        });

        Map<String, Object> own = d.passage(20, 30, "COMMENTING", "Private, then shared");
        own.remove("groupId");
        long priv = d.create(d.g.member, own);
        long privReply = d.reply(d.g.member, priv, "Still private");
        assertEquals(2, (int) QuarkusTransaction.requiringNew().call(() -> Annotation.moveThread(priv,
                ReadingGroup.findById(group))), "root and reply");
        QuarkusTransaction.requiringNew().run(() -> assertEquals(group,
                Annotation.<Annotation>findById(privReply).group.id));
    }
}
