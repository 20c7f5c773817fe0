package app.marginalia.web.discussion;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.discussion.DiscussionEvent.GroupChange;
import app.marginalia.core.discussion.DiscussionEvent.ListChange;
import app.marginalia.core.discussion.DiscussionEvent.MemberChange;
import app.marginalia.core.group.ActivityKind;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Notification;
import app.marginalia.persistence.group.Activity;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.web.TestLibrary;
import app.marginalia.web.Visitor;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.group.GroupFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group's activity keeps what happened and writes its sentences when they are read: a
 * member or paper renamed since reads with the new name in every old line, on the group page,
 * in the feed and in the digest; a line from before lines kept their facts reads as stored.
 */
@QuarkusTest
class ActivityFeedTest {

    private static final String ABSTRACT = "Songbirds start singing before sunrise. The first voices are robins and "
            + "blackbirds; finches join later, when the light is stronger.";

    @Inject
    DiscussionEvents events;
    @Inject
    SessionFactory sessions;

    @AfterEach
    void removeAddedPapers() {
        TestLibrary.removeAddedPapers();
    }

    /** A paper of the test's own on the group's list (seed papers are shared and keep their titles). */
    private static String listedPaper(GroupFixture g, String title) {
        String paperId = g.admin.post("/papers", "title", title, "abstractText", ABSTRACT, "confirmDuplicate", "true")
                .then().statusCode(303).extract().header("Location").replaceAll(".*/papers/(\\d+).*", "$1");
        g.owner.post("/groups/" + g.id + "/list", "paperId", paperId).then().statusCode(303);
        return paperId;
    }

    private static List<Map<String, Object>> feed(GroupFixture g) {
        return g.member.get("/api/groups/" + g.id + "/activity").jsonPath().getList("lines");
    }

    private static String sentence(List<Map<String, Object>> lines, String kind) {
        return lines.stream().filter(l -> kind.equals(l.get("kind"))).findFirst().orElseThrow(() -> new AssertionError(
                "no " + kind + " in " + lines)).get("summary").toString();
    }

    /** The group page's recent activity, line by line, without the times. */
    private static List<String> recent(GroupFixture g) {
        return Jsoup.parse(g.member.get("/groups/" + g.id).asString()).select("ol.activity > li").stream()
                .map(Element::ownText).map(String::strip).toList();
    }

    @Test
    void shouldNameTheRenamedMemberAndPaperInOldLines() {
        GroupFixture g = new GroupFixture();
        long nano = System.nanoTime();
        String paperId = listedPaper(g, "Birds at dawn " + nano);
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("groupId", Long.valueOf(g.id));
        note.put("motivation", "COMMENTING");
        note.put("body", "Robins first, every time.");
        g.member.json("POST", "/api/papers/" + paperId + "/annotations", note).then().statusCode(201);
        String before = sentence(feed(g), "NOTE_ADDED");
        assertTrue(before.endsWith(" added a note on “Birds at dawn " + nano + "”"), before);

        // The member and the paper get new names after the lines were written.
        String reader = "Renamed Reader " + nano;
        String email = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(g.member.username)
                .orElseThrow().email);
        g.member.post("/account", "displayName", reader, "email", email).then().statusCode(303);
        String title = "Birdsong at first light " + nano;
        g.admin.post("/papers/" + paperId + "/edit", editFields(g.admin, paperId, "title", title)).then().statusCode(303);

        List<Map<String, Object>> lines = feed(g);
        assertEquals(reader + " added a note on “" + title + "”", sentence(lines, "NOTE_ADDED"));
        assertEquals(reader + " joined through an invitation link", lines.stream()
                .filter(l -> "MEMBER_JOINED".equals(l.get("kind")) && l.get("summary").toString().startsWith(reader))
                .findFirst().orElseThrow().get("summary"));
        assertTrue(sentence(lines, "PAPER_PROPOSED").endsWith(" proposed “" + title + "”"), lines.toString());
        assertTrue(recent(g).contains(reader + " added a note on “" + title + "”"), recent(g).toString());
        String digest = g.member.get("/groups/" + g.id + "/digest").asString();
        assertTrue(digest.contains(reader + " added a note on “" + title + "”"), digest);
    }

    @Test
    void shouldReadALineWrittenBeforeLinesKeptTheirFactsAsStored() {
        GroupFixture g = new GroupFixture();
        QuarkusTransaction.requiringNew().run(() -> {
            ReadingGroup group = ReadingGroup.findById(Long.valueOf(g.id));
            Account owner = Account.findByUsername(g.owner.username).orElseThrow();
            // Whom it removed was never kept: only the stored sentence knows.
            Activity.record(group, owner, ActivityKind.MEMBER_REMOVED, "Old Owner removed Somebody Gone", null, null);
        });
        assertEquals("Old Owner removed Somebody Gone", sentence(feed(g), "MEMBER_REMOVED"));
        // A line whose every fact is a reference reads with today's names, stored sentence or not.
        String joined = sentence(feed(g), "GROUP_CREATED");
        assertTrue(joined.endsWith(" created the group") && !joined.startsWith("Someone"), joined);
    }

    @Test
    void shouldWriteTheLineOfEveryGroupEventAndTellTheGroupOfAScheduledPaper() {
        GroupFixture g = new GroupFixture();
        long nano = System.nanoTime();
        String title = "Birds at dawn " + nano;
        long paper = Long.parseLong(listedPaper(g, title));
        long group = Long.parseLong(g.id);
        long owner = GroupFixture.accountId(g.owner);
        long member = GroupFixture.accountId(g.member);
        String ownerName = name(g.owner);
        String memberName = name(g.member);
        long lastLine = QuarkusTransaction.requiringNew().call(() -> Activity.<Activity>find("group.id = ?1 order by id desc",
                group).firstResult().id);

        // The events the group's commands emit, each in a transaction of its own as a command would.
        Stream.of(new DiscussionEvent.ReadingListChanged(group, paper, owner, ListChange.PROPOSED, null),
                new DiscussionEvent.ReadingListChanged(group, null, owner, ListChange.SEEDED, "3"),
                new DiscussionEvent.ReadingListChanged(group, paper, member, ListChange.VOTE_CAST, null),
                new DiscussionEvent.ReadingListChanged(group, paper, member, ListChange.VOTE_WITHDRAWN, null),
                new DiscussionEvent.ReadingListChanged(group, paper, owner, ListChange.MEETING_SCHEDULED,
                        "2031-03-06T16:00:00Z"),
                new DiscussionEvent.ReadingListChanged(group, paper, owner, ListChange.STATUS_CHANGED, "READING"),
                new DiscussionEvent.ConclusionRecorded(1, paper, group, owner, DiscussionEvent.CONCLUSION_MOVED),
                new DiscussionEvent.ConclusionRecorded(1, paper, group, owner, DiscussionEvent.CONCLUSION_UPDATED),
                new DiscussionEvent.ConclusionRecorded(1, paper, group, owner, null),
                new DiscussionEvent.ReadingListChanged(group, paper, owner, ListChange.REMOVED, null),
                new DiscussionEvent.MembershipChanged(group, member, owner, MemberChange.ROLE_CHANGED, "MODERATOR"),
                new DiscussionEvent.MembershipChanged(group, member, owner, MemberChange.OWNERSHIP_TRANSFERRED, null),
                new DiscussionEvent.MembershipChanged(group, member, owner, MemberChange.REMOVED, null),
                new DiscussionEvent.MembershipChanged(group, member, member, MemberChange.JOINED, null),
                new DiscussionEvent.MembershipChanged(group, member, member, MemberChange.LEFT, null),
                new DiscussionEvent.GroupChanged(group, owner, GroupChange.CREATED),
                new DiscussionEvent.GroupChanged(group, owner, GroupChange.EDITED),
                new DiscussionEvent.GroupChanged(group, owner, GroupChange.INVITATION_CREATED),
                new DiscussionEvent.GroupChanged(group, owner, GroupChange.INVITATION_REVOKED))
                .forEach(e -> QuarkusTransaction.requiringNew().run(() -> events.emit(e)));

        List<String> written = QuarkusTransaction.requiringNew().call(() -> Activity.<Activity>find(
                "group.id = ?1 and id > ?2 order by id", group, lastLine).list().stream().map(ActivityLines::sentence)
                .toList());
        assertEquals(List.of(ownerName + " proposed “" + title + "”",
                ownerName + " added the 3 seed papers to the reading list",
                memberName + " voted for “" + title + "”",
                ownerName + " scheduled “" + title + "” for Thu 6 Mar 2031, 17:00",
                ownerName + " moved “" + title + "” to reading",
                ownerName + " recorded the conclusion on “" + title + "” and moved it to discussed",
                ownerName + " updated the conclusion on “" + title + "”",
                ownerName + " recorded the conclusion on “" + title + "”",
                ownerName + " removed “" + title + "” from the list",
                ownerName + " made " + memberName + " a moderator",
                ownerName + " handed ownership to " + memberName,
                ownerName + " removed " + memberName,
                memberName + " joined through an invitation link",
                memberName + " left the group",
                ownerName + " created the group",
                ownerName + " changed the group's settings",
                ownerName + " created an invitation link",
                ownerName + " revoked an invitation link"), written, "no line for a withdrawn vote");
        QuarkusTransaction.requiringNew().run(() -> assertTrue(Activity.<Activity>find("group.id = ?1 and id > ?2",
                group, lastLine).list().stream().allMatch(a -> a.summary == null), "lines keep facts, not sentences"));

        // Scheduling tells every member but the one who scheduled, once per scheduling.
        long moderator = GroupFixture.accountId(g.moderator);
        assertEquals(List.of(1L, 1L, 0L), Stream.of(member, moderator, owner).map(id -> QuarkusTransaction.requiringNew()
                .call(() -> Notification.count("recipientId = ?1 and kind = ?2", id, Notification.Kind.SCHEDULED)))
                .toList());
        QuarkusTransaction.requiringNew().run(() -> events.emit(new DiscussionEvent.ReadingListChanged(group, paper, owner,
                ListChange.STATUS_CHANGED, "SCHEDULED")));
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> Notification.count("recipientId = ?1 and kind = ?2",
                member, Notification.Kind.SCHEDULED)), "moved to scheduled: told again");
    }

    @Test
    void shouldWriteAPageOfLinesInAFixedNumberOfStatements() {
        GroupFixture quiet = new GroupFixture();
        GroupFixture busy = new GroupFixture();
        // Thirty lines naming four people and several papers: names are fetched with the lines, not one by one.
        QuarkusTransaction.requiringNew().run(() -> {
            ReadingGroup group = ReadingGroup.findById(Long.valueOf(busy.id));
            List<Account> people = Stream.of(busy.owner, busy.moderator, busy.member, busy.outsider, busy.admin)
                    .map(v -> Account.findByUsername(v.username).orElseThrow()).toList();
            List<Paper> papers = Paper.<Paper>findAll().page(0, 6).list();
            for (int i = 0; i < 30; i++) {
                // The owner acts; the lines are about the others, whom nothing else on the page loads.
                Activity.append(group, people.get(0), i % 2 == 0 ? ActivityKind.ROLE_CHANGED : ActivityKind.STATUS_CHANGED,
                        papers.get(i % papers.size()), null, people.get(1 + i % 4), i % 2 == 0 ? "MODERATOR" : "READING");
            }
        });
        for (String path : List.of("/groups/%s/activity", "/groups/%s", "/api/groups/%s/activity")) {
            assertEquals(statements(quiet, path), statements(busy, path), path + " with 1 line and with 30");
        }
    }

    private long statements(GroupFixture g, String path) {
        g.member.get(String.format(path, g.id)).then().statusCode(200);
        sessions.getStatistics().clear();
        g.member.get(String.format(path, g.id)).then().statusCode(200);
        return sessions.getStatistics().getPrepareStatementCount();
    }

    private static String name(Visitor v) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(v.username).orElseThrow().displayName);
    }

    /** The paper's edit form as the server fills it, with some fields changed. */
    private static String[] editFields(Visitor who, String paperId, String... overrides) {
        org.jsoup.nodes.Document form = Jsoup.parse(who.get("/papers/" + paperId + "/edit").asString());
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("form.form input[name], form.form textarea[name]")) {
            if (!input.attr("name").equals("_csrf")) {
                fields.put(input.attr("name"), input.val());
            }
        }
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        return fields.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
    }
}
