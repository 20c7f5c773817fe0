package app.marginalia.web.group;

import app.marginalia.core.group.Action;
import app.marginalia.core.group.Actor;
import app.marginalia.core.group.GroupRules;
import app.marginalia.core.group.Policy;
import app.marginalia.core.group.ReadingStatus;
import app.marginalia.persistence.group.GroupCount;
import app.marginalia.persistence.group.Invitation;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.persistence.group.Vote;
import app.marginalia.persistence.paper.LibraryPage;
import app.marginalia.web.group.GroupViews.Abilities;
import app.marginalia.web.group.GroupViews.Candidate;
import app.marginalia.web.group.GroupViews.Entry;
import app.marginalia.web.group.GroupViews.GroupSummary;
import app.marginalia.web.group.GroupViews.InvitationView;
import app.marginalia.web.group.GroupViews.ListPicker;
import app.marginalia.web.group.GroupViews.Meeting;
import app.marginalia.web.group.GroupViews.Member;
import app.marginalia.web.group.GroupViews.PaperStats;
import app.marginalia.web.group.GroupViews.Section;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The group pages, read only: someone's groups, a group's page with its reading list, counts and
 * latest activity, the members page, an invitation's preview, and the groups the reader offers
 * to propose a paper to. What each viewer may do is decided here, from the policy and
 * {@link ReadingStatus}, so templates only show what they are given.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class GroupPageReadModel {

    /** The order of the list's sections on the page. */
    private static final List<ReadingStatus> SECTIONS = List.of(ReadingStatus.SCHEDULED, ReadingStatus.READING,
            ReadingStatus.PROPOSED, ReadingStatus.DISCUSSED, ReadingStatus.ARCHIVED);

    /** Papers the group page's picker offers at most: a page of the library, like the library's own pages. */
    public static final int PICKER_SIZE = 50;

    private final TrackingReadModel tracking;

    GroupPageReadModel(TrackingReadModel tracking) {
        this.tracking = tracking;
    }

    /** The account's groups with their sizes and next meetings, in four statements however many groups. */
    public List<GroupSummary> mine(long accountId) {
        List<Membership> memberships = Membership.ofAccount(accountId);
        if (memberships.isEmpty()) {
            return List.of();
        }
        List<Long> ids = memberships.stream().map(m -> m.group.id).toList();
        Map<Long, Long> members = counts(Membership.sizes(ids));
        Map<Long, Long> listSizes = counts(ReadingListEntry.listSizes(ids));
        Map<Long, Instant> nextMeetings = new HashMap<>();
        ReadingListEntry.nextMeetings(ids, Instant.now()).forEach(m -> nextMeetings.put(m.groupId(), m.at()));
        List<GroupSummary> summaries = new ArrayList<>();
        for (Membership m : memberships) {
            ReadingGroup g = m.group;
            Instant next = nextMeetings.get(g.id);
            summaries.add(new GroupSummary(g.id, g.name, g.description, m.role, members.getOrDefault(g.id, 0L),
                    listSizes.getOrDefault(g.id, 0L), next == null ? null : Meeting.of(next, MeetingTimes.zone(g))));
        }
        return summaries;
    }

    public GroupViews.Page page(long groupId, SignedIn user) {
        return page(groupId, user, null);
    }

    /**
     * The group page. Nothing on it grows with the library: the "add a paper" picker shows at most
     * {@link #PICKER_SIZE} papers not on the list, narrowed by {@code find}, and links to the
     * library for the rest.
     */
    public GroupViews.Page page(long groupId, SignedIn user, String find) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        ReadingGroup group = at.group();
        ZoneId zone = MeetingTimes.zone(group);
        List<ReadingListEntry> entries = ReadingListEntry.ofGroup(groupId);
        Map<Long, Set<Long>> votes = new HashMap<>();
        for (Vote.Cast cast : Vote.ofGroup(groupId)) {
            votes.computeIfAbsent(cast.entryId(), k -> new HashSet<>()).add(cast.accountId());
        }
        Map<Long, PaperStats> stats = tracking.stats(groupId, user.id());
        List<Section> sections = new ArrayList<>();
        for (ReadingStatus status : SECTIONS) {
            List<Entry> views = entries.stream().filter(e -> e.status == status)
                    .map(e -> entryView(e, at, user, votes.getOrDefault(e.id, Set.of()), zone,
                            stats.getOrDefault(e.paper.id, PaperStats.NONE)))
                    .sorted(sectionOrder(status)).toList();
            sections.add(new Section(status, sectionTitle(status), views));
        }
        GroupViews.Picker picker = at.may(Action.PROPOSE_PAPER) ? picker(groupId, find) : null;
        Optional<ReadingListEntry> next = nextMeeting(entries);
        return new GroupViews.Page(group.id, group.name, group.description, group.timeZone, at.role(), abilities(at),
                next.map(e -> Meeting.of(e.meetingAt, zone)).orElse(null), next.map(e -> e.paper.title).orElse(null),
                next.map(e -> e.paper.id).orElse(null), sections, members(at, user), tracking.recentActivity(groupId),
                picker, entries.size(), new GroupViews.Totals(sum(stats, entries, PaperStats::openQuestions),
                sum(stats, entries, PaperStats::fresh),
                entries.stream().filter(e -> stats.getOrDefault(e.paper.id, PaperStats.NONE).fresh() > 0).count()));
    }

    public GroupViews.MembersPage membersPage(long groupId, SignedIn user, String baseUrl) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        List<InvitationView> invitations = List.of();
        if (at.may(Action.MANAGE_INVITATIONS)) {
            Instant now = Instant.now();
            invitations = Invitation.ofGroup(groupId).stream().map(i -> new InvitationView(i.id,
                    baseUrl + "invite/" + i.token, i.createdBy.displayName,
                    Meeting.of(i.expiresAt, MeetingTimes.zone(at.group())).display(), i.maxUses, i.uses, i.usableAt(now),
                    i.revokedAt != null ? "revoked" : !now.isBefore(i.expiresAt) ? "expired"
                            : i.maxUses != null && i.uses >= i.maxUses ? "used up" : "active")).toList();
        }
        Optional<String> leaveProblem = GroupRules.leavingProblem(at.role(), Membership.rolesIn(groupId));
        return new GroupViews.MembersPage(groupId, at.group().name, at.role(), abilities(at), members(at, user),
                invitations, leaveProblem.isEmpty(), leaveProblem.orElse(null));
    }

    /** What an invitation offers; 404 when it is unknown, expired, used up or revoked. */
    public GroupViews.InvitationPreview preview(String token, Optional<SignedIn> user) {
        Invitation invitation = usable(token);
        ReadingGroup group = invitation.group;
        boolean member = user.isPresent() && Membership.find(group.id, user.get().id()).isPresent();
        return new GroupViews.InvitationPreview(token, group.name, invitation.createdBy.displayName,
                (int) Membership.countIn(group.id), member, group.id);
    }

    /**
     * The library page's "add to this group's list" mode: 404 unless the user is a member, 403
     * unless they may propose; which of {@code paperIds} the list has already, in one statement.
     */
    public ListPicker listPicker(long groupId, SignedIn user, Collection<Long> paperIds) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.PROPOSE_PAPER, "You may not add papers to this group's reading list.");
        return new ListPicker(groupId, at.group().name, Set.copyOf(LibraryPage.listedIn(groupId, paperIds)));
    }

    /** The groups where this user may put the paper on the list, for the reader's "add to list" form. */
    public List<Candidate> groupsToPropose(long paperId, SignedIn user) {
        // One statement: this runs on every reader page of a signed-in member.
        return Membership.ofAccountWithoutPaper(user.id(), paperId).stream()
                .filter(m -> Policy.allows(Action.PROPOSE_PAPER, Actor.account(user.administrator(), m.role)))
                .map(m -> new Candidate(m.group.id, m.group.name)).toList();
    }

    /** An invitation that can still be used; 404 for anything else, so links cannot be probed. */
    static Invitation usable(String token) {
        if (token == null || token.length() > 64) {
            throw new NotFoundException();
        }
        return Invitation.findByToken(token).filter(i -> i.usableAt(Instant.now())).orElseThrow(NotFoundException::new);
    }

    private static GroupViews.Picker picker(long groupId, String find) {
        String typed = find == null ? "" : find.strip();
        List<String> words = LibraryPage.words(typed);
        if (words.size() > LibraryPage.MAX_WORDS) {
            throw new InvalidFormException("find", "Search with at most " + LibraryPage.MAX_WORDS + " words.");
        }
        List<Candidate> found = LibraryPage.notListedIn(groupId, words, PICKER_SIZE + 1).stream()
                .map(p -> new Candidate(p.id(), p.title())).toList();
        return new GroupViews.Picker(typed, found.stream().limit(PICKER_SIZE).toList(), found.size() > PICKER_SIZE);
    }

    private static Map<Long, Long> counts(List<GroupCount> rows) {
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(r.groupId(), r.count()));
        return counts;
    }

    private static Optional<ReadingListEntry> nextMeeting(List<ReadingListEntry> entries) {
        Instant now = Instant.now();
        return entries.stream()
                .filter(e -> e.meetingAt != null && e.meetingAt.isAfter(now)
                        && (e.status == ReadingStatus.SCHEDULED || e.status == ReadingStatus.READING))
                .min(Comparator.comparing(e -> e.meetingAt));
    }

    private static Abilities abilities(GroupAccess.Context at) {
        return new Abilities(at.may(Action.EDIT_GROUP), at.may(Action.DELETE_GROUP), at.may(Action.MANAGE_INVITATIONS),
                at.may(Action.TRANSFER_OWNERSHIP), at.may(Action.SCHEDULE_MEETING), at.may(Action.PROPOSE_PAPER));
    }

    private static List<Member> members(GroupAccess.Context at, SignedIn user) {
        return Membership.ofGroup(at.group().id).stream().map(m -> new Member(m.account.id, m.account.displayName,
                m.account.username, m.role, m.account.id == user.id(),
                m.account.id != user.id() && Policy.allows(Action.REMOVE_MEMBER, at.actor().towards(m.role)),
                m.account.id != user.id() && Policy.allows(Action.CHANGE_ROLE, at.actor().towards(m.role)))).toList();
    }

    private static long sum(Map<Long, PaperStats> stats, List<ReadingListEntry> entries, ToLongFunction<PaperStats> count) {
        return entries.stream().mapToLong(e -> count.applyAsLong(stats.getOrDefault(e.paper.id, PaperStats.NONE))).sum();
    }

    private static Entry entryView(ReadingListEntry e, GroupAccess.Context at, SignedIn user, Set<Long> voters,
                                   ZoneId zone, PaperStats stats) {
        boolean proposer = ReadingListCommands.isProposer(e, user);
        List<ReadingStatus> moves = e.status.next().stream()
                .filter(to -> Policy.allows(Action.CHANGE_STATUS,
                        at.actor().asAuthor(proposer && ReadingStatus.authorMayMove(e.status, to))))
                .toList();
        return new Entry(e.id, e.paper.id, e.paper.title, e.paper.byline(), e.status, Meeting.of(e.meetingAt, zone),
                voters.size(), voters.contains(user.id()), e.proposedBy == null ? null : e.proposedBy.displayName, moves,
                e.status == ReadingStatus.PROPOSED && at.may(Action.VOTE),
                at.may(Action.SCHEDULE_MEETING) && e.status.canSchedule(),
                Policy.allows(Action.REMOVE_ENTRY, at.actor().asAuthor(proposer && e.status == ReadingStatus.PROPOSED)),
                stats, e.conclusion != null);
    }

    private static Comparator<Entry> sectionOrder(ReadingStatus status) {
        return switch (status) {
            case SCHEDULED, READING -> Comparator.comparing((Entry e) -> e.meeting() == null ? "" : e.meeting().iso());
            case PROPOSED -> Comparator.comparingInt(Entry::votes).reversed().thenComparing(Entry::title);
            default -> Comparator.comparing(Entry::title);
        };
    }

    private static String sectionTitle(ReadingStatus status) {
        return switch (status) {
            case SCHEDULED -> "Scheduled";
            case READING -> "Reading now";
            case PROPOSED -> "Proposed";
            case DISCUSSED -> "Discussed";
            case ARCHIVED -> "Archived";
        };
    }
}
