package app.marginalia.web.group;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.discussion.LiveEvent;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.ActivityKind;
import app.marginalia.core.group.Actor;
import app.marginalia.core.group.GroupRules;
import app.marginalia.core.group.Policy;
import app.marginalia.core.group.ReadingStatus;
import app.marginalia.core.group.Role;
import app.marginalia.core.paper.FieldProblem;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Notification;
import app.marginalia.persistence.group.Activity;
import app.marginalia.persistence.group.Invitation;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.persistence.group.Vote;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperOrigin;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.group.GroupViews.Abilities;
import app.marginalia.web.group.GroupViews.ActivityLine;
import app.marginalia.web.group.GroupViews.Candidate;
import app.marginalia.web.group.GroupViews.Entry;
import app.marginalia.web.group.GroupViews.InvitationView;
import app.marginalia.web.group.GroupViews.Meeting;
import app.marginalia.web.group.GroupViews.Member;
import app.marginalia.web.group.GroupViews.Section;
import app.marginalia.web.live.LiveEvents;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import app.marginalia.web.system.MarginaliaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reading groups: membership, invitations, and the reading list with its meetings and votes. */
@ApplicationScoped
@Transactional
public class GroupService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ACTIVITY_SHOWN = 12;

    private final MarginaliaConfig config;
    private final LiveEvents live;
    private final DiscussionTracking tracking;
    private final DiscussionEvents events;

    GroupService(MarginaliaConfig config, LiveEvents live, DiscussionTracking tracking, DiscussionEvents events) {
        this.config = config;
        this.live = live;
        this.tracking = tracking;
        this.events = events;
    }

    /** A group in someone's list of groups. */
    public record GroupSummary(long id, String name, String description, Role role, long members, long listSize,
                               Meeting nextMeeting) {
    }

    // ---- Groups ----

    /** The account's groups with their sizes and next meetings, in four statements however many groups. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GroupSummary> mine(long accountId) {
        List<Membership> memberships = Membership.ofAccount(accountId);
        if (memberships.isEmpty()) {
            return List.of();
        }
        List<Long> ids = memberships.stream().map(m -> m.group.id).toList();
        Map<Long, Long> members = perGroup("select m.group.id, count(m) from Membership m where m.group.id in ?1 "
                + "group by m.group.id", ids, null);
        Map<Long, Long> listSizes = perGroup("select e.group.id, count(e) from ReadingListEntry e where e.group.id in ?1 "
                + "group by e.group.id", ids, null);
        Map<Long, Instant> nextMeetings = perGroup("select e.group.id, min(e.meetingAt) from ReadingListEntry e "
                + "where e.group.id in ?1 and e.meetingAt > ?2 and e.status in ('SCHEDULED', 'READING') "
                + "group by e.group.id", ids, Instant.now());
        List<GroupSummary> summaries = new ArrayList<>();
        for (Membership m : memberships) {
            ReadingGroup g = m.group;
            Instant next = nextMeetings.get(g.id);
            summaries.add(new GroupSummary(g.id, g.name, g.description, m.role, members.getOrDefault(g.id, 0L),
                    listSizes.getOrDefault(g.id, 0L), next == null ? null : Meeting.of(next, zone(g))));
        }
        return summaries;
    }

    /** Runs a query of (group id, value) rows into a map. */
    @SuppressWarnings("unchecked")
    private static <V> Map<Long, V> perGroup(String query, List<Long> groupIds, Instant after) {
        var q = Membership.getEntityManager().createQuery(query, Object[].class).setParameter(1, groupIds);
        if (after != null) {
            q.setParameter(2, after);
        }
        Map<Long, V> result = new HashMap<>();
        for (Object[] row : q.getResultList()) {
            result.put((Long) row[0], (V) row[1]);
        }
        return result;
    }

    public long create(SignedIn user, GroupForm form) {
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        Account owner = Account.findById(user.id());
        ReadingGroup group = newGroup(form.cleanName(), form.cleanDescription(), ZoneId.of(form.timeZone.strip()));
        addMember(group, owner, Role.OWNER);
        record(group, owner, ActivityKind.GROUP_CREATED, owner.displayName + " created the group", null);
        return group.id;
    }

    /**
     * The first account's example group: the seed papers on its list, one of them scheduled for
     * next week and one being read, so a new installation shows a real reading cycle at once.
     */
    public void createExample(Account owner) {
        ZoneId zone = ZoneId.of(config.defaultTimeZone());
        ReadingGroup group = newGroup("Example reading group",
                "An example to explore: its reading list holds the seed library. Rename it, invite your "
                        + "reading group, or delete it once you have made your own.", zone);
        addMember(group, owner, Role.OWNER);
        record(group, owner, ActivityKind.GROUP_CREATED, owner.displayName + " created the group", null);
        List<Paper> seeds = Paper.find("select p from Paper p where exists "
                + "(select 1 from PaperOrigin o where o.paper = p and o.kind = ?1) order by p.id", PaperOrigin.Kind.SEED).list();
        Instant nextWeek = ZonedDateTime.now(zone).with(TemporalAdjusters.next(DayOfWeek.THURSDAY))
                .with(LocalTime.of(17, 0)).toInstant();
        for (int i = 0; i < seeds.size(); i++) {
            ReadingListEntry entry = newEntry(group, seeds.get(i), owner);
            if (i == 0) {
                entry.status = ReadingStatus.SCHEDULED;
                entry.meetingAt = nextWeek;
            } else if (i == 1) {
                entry.status = ReadingStatus.READING;
                entry.meetingAt = nextWeek.plus(Duration.ofDays(7));
            }
        }
        record(group, owner, ActivityKind.PAPER_PROPOSED, owner.displayName + " added the " + seeds.size()
                + " seed papers to the reading list", null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupViews.Page page(long groupId, SignedIn user) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        ReadingGroup group = at.group();
        ZoneId zone = zone(group);
        List<ReadingListEntry> entries = ReadingListEntry.ofGroup(groupId);
        Map<Long, Set<Long>> votes = new HashMap<>();
        for (Object[] row : Vote.ofGroup(groupId)) {
            votes.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add((Long) row[1]);
        }
        Map<Long, DiscussionTracking.PaperStats> stats = tracking.stats(groupId, user.id());
        List<Section> sections = new ArrayList<>();
        for (ReadingStatus status : List.of(ReadingStatus.SCHEDULED, ReadingStatus.READING, ReadingStatus.PROPOSED,
                ReadingStatus.DISCUSSED, ReadingStatus.ARCHIVED)) {
            List<Entry> views = entries.stream().filter(e -> e.status == status)
                    .map(e -> entryView(e, at, user, votes.getOrDefault(e.id, Set.of()), zone,
                            stats.getOrDefault(e.paper.id, DiscussionTracking.PaperStats.NONE)))
                    .sorted(sectionOrder(status)).toList();
            sections.add(new Section(status, sectionTitle(status), views));
        }
        Set<Long> listed = new HashSet<>();
        entries.forEach(e -> listed.add(e.paper.id));
        List<Candidate> candidates = at.may(Action.PROPOSE_PAPER)
                ? Paper.<Paper>listAll().stream().filter(p -> !listed.contains(p.id))
                .sorted(Comparator.comparing(p -> p.title.toLowerCase(Locale.ROOT)))
                .map(p -> new Candidate(p.id, p.title)).toList()
                : List.of();
        Optional<ReadingListEntry> next = nextMeeting(entries);
        return new GroupViews.Page(group.id, group.name, group.description, group.timeZone, at.role(), abilities(at),
                next.map(e -> Meeting.of(e.meetingAt, zone)).orElse(null), next.map(e -> e.paper.title).orElse(null),
                next.map(e -> e.paper.id).orElse(null), sections, members(at, user), activity(groupId), candidates,
                entries.size(), new GroupViews.Totals(listed(stats, entries, DiscussionTracking.PaperStats::openQuestions),
                listed(stats, entries, DiscussionTracking.PaperStats::fresh),
                entries.stream().filter(e -> stats.getOrDefault(e.paper.id, DiscussionTracking.PaperStats.NONE).fresh() > 0)
                        .count()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupViews.MembersPage membersPage(long groupId, SignedIn user, String baseUrl) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        List<InvitationView> invitations = List.of();
        if (at.may(Action.MANAGE_INVITATIONS)) {
            Instant now = Instant.now();
            invitations = Invitation.ofGroup(groupId).stream().map(i -> new InvitationView(i.id,
                    baseUrl + "invite/" + i.token, i.createdBy.displayName,
                    Meeting.of(i.expiresAt, zone(at.group())).display(), i.maxUses, i.uses, i.usableAt(now),
                    i.revokedAt != null ? "revoked" : !now.isBefore(i.expiresAt) ? "expired"
                            : i.maxUses != null && i.uses >= i.maxUses ? "used up" : "active")).toList();
        }
        Optional<String> leaveProblem = GroupRules.leavingProblem(at.role(), roles(groupId));
        return new GroupViews.MembersPage(groupId, at.group().name, at.role(), abilities(at), members(at, user),
                invitations, leaveProblem.isEmpty(), leaveProblem.orElse(null));
    }

    public void edit(long groupId, SignedIn user, GroupForm form) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.EDIT_GROUP, "Only the group's owners and moderators can change its settings.");
        if (!form.problems().isEmpty()) {
            throw new InvalidFormException(form.problems());
        }
        ReadingGroup group = at.group();
        group.name = form.cleanName();
        group.description = form.cleanDescription();
        group.timeZone = ZoneId.of(form.timeZone.strip()).getId();
        group.updatedAt = Instant.now();
        record(group, at.membership().account, ActivityKind.GROUP_EDITED,
                at.membership().account.displayName + " changed the group's settings", null);
        events.emit(new DiscussionEvent.GroupChanged(groupId, user.id(), DiscussionEvent.GroupChange.EDITED));
    }

    /** Deletes the group with everything in it; the owner confirms by typing its name. */
    public String delete(long groupId, SignedIn user, String confirmName) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.DELETE_GROUP, "Only an owner can delete the group.");
        String name = at.group().name;
        if (confirmName == null || !confirmName.strip().equals(name)) {
            throw new InvalidFormException("confirmName", "Type the group's name exactly to confirm: " + name);
        }
        // A bulk delete: the database cascades to members, list, votes, invitations and activity.
        ReadingGroup.delete("id", groupId);
        events.emit(new DiscussionEvent.GroupChanged(groupId, user.id(), DiscussionEvent.GroupChange.DELETED));
        return name;
    }

    // ---- Invitations and membership ----

    /** Creates an invitation link and returns its id. */
    public long createInvitation(long groupId, SignedIn user, int days, Integer maxUses) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.MANAGE_INVITATIONS, "Only the group's owners and moderators can invite people.");
        if (days < 1 || days > GroupRules.MAX_INVITATION_DAYS) {
            throw new InvalidFormException("days", "An invitation lasts 1 to " + GroupRules.MAX_INVITATION_DAYS + " days.");
        }
        if (maxUses != null && (maxUses < 1 || maxUses > GroupRules.MAX_INVITATION_USES)) {
            throw new InvalidFormException("maxUses",
                    "Limit the uses to between 1 and " + GroupRules.MAX_INVITATION_USES + ", or leave it empty.");
        }
        Instant now = Instant.now();
        Invitation invitation = new Invitation();
        invitation.group = at.group();
        invitation.token = newToken();
        invitation.createdBy = at.membership().account;
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(Duration.ofDays(days));
        invitation.maxUses = maxUses;
        invitation.persist();
        record(at.group(), at.membership().account, ActivityKind.INVITATION_CREATED,
                at.membership().account.displayName + " created an invitation link", null);
        return invitation.id;
    }

    public void revokeInvitation(long groupId, SignedIn user, long invitationId) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.MANAGE_INVITATIONS, "Only the group's owners and moderators can revoke invitations.");
        Invitation invitation = Invitation.<Invitation>find("id = ?1 and group.id = ?2", invitationId, groupId)
                .firstResultOptional().orElseThrow(NotFoundException::new);
        if (invitation.revokedAt == null) {
            invitation.revokedAt = Instant.now();
            record(at.group(), at.membership().account, ActivityKind.INVITATION_REVOKED,
                    at.membership().account.displayName + " revoked an invitation link", null);
        }
    }

    /** What an invitation offers; 404 when it is unknown, expired, used up or revoked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupViews.InvitationPreview preview(String token, Optional<SignedIn> user) {
        Invitation invitation = usable(token);
        ReadingGroup group = invitation.group;
        boolean member = user.isPresent() && Membership.find(group.id, user.get().id()).isPresent();
        return new GroupViews.InvitationPreview(token, group.name, invitation.createdBy.displayName,
                (int) Membership.count("group.id", group.id), member, group.id);
    }

    public long join(String token, SignedIn user) {
        Invitation invitation = usable(token);
        ReadingGroup group = invitation.group;
        if (Membership.find(group.id, user.id()).isPresent()) {
            return group.id;
        }
        Account account = Account.findById(user.id());
        addMember(group, account, Role.MEMBER);
        invitation.uses++;
        record(group, account, ActivityKind.MEMBER_JOINED, account.displayName + " joined through an invitation link",
                null);
        return group.id;
    }

    public void leave(long groupId, SignedIn user) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.LEAVE_GROUP, "You cannot leave this group.");
        GroupRules.leavingProblem(at.role(), roles(groupId)).ifPresent(problem -> {
            throw new InvalidFormException("leave", problem);
        });
        Account account = at.membership().account;
        at.membership().delete();
        live.afterCommit(LiveEvent.membership(account.id));
        record(at.group(), account, ActivityKind.MEMBER_LEFT, account.displayName + " left the group", null);
    }

    public void removeMember(long groupId, SignedIn user, long accountId) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        Membership target = Membership.find(groupId, accountId).orElseThrow(NotFoundException::new);
        at.require(Action.REMOVE_MEMBER, at.actor().towards(target.role),
                "You cannot remove this member: moderators remove members, owners remove moderators.");
        String name = target.account.displayName;
        target.delete();
        live.afterCommit(LiveEvent.membership(accountId));
        record(at.group(), at.membership().account, ActivityKind.MEMBER_REMOVED,
                at.membership().account.displayName + " removed " + name, null);
    }

    public void changeRole(long groupId, SignedIn user, long accountId, Role role) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        Membership target = Membership.find(groupId, accountId).orElseThrow(NotFoundException::new);
        at.require(Action.CHANGE_ROLE, at.actor().towards(target.role), "Only an owner can change members' roles.");
        if (role == Role.OWNER) {
            throw new InvalidFormException("role", "Use “Transfer ownership” to make someone the owner.");
        }
        if (target.role != role) {
            target.role = role;
            record(at.group(), at.membership().account, ActivityKind.ROLE_CHANGED, at.membership().account.displayName
                    + " made " + target.account.displayName + " a " + role.label().toLowerCase(Locale.ROOT), null);
        }
    }

    /** Makes another member the owner; the previous owner stays on as a moderator. */
    public void transferOwnership(long groupId, SignedIn user, long accountId) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.TRANSFER_OWNERSHIP, "Only an owner can hand over the group.");
        Membership target = Membership.find(groupId, accountId).orElseThrow(NotFoundException::new);
        if (target.id.equals(at.membership().id)) {
            throw new InvalidFormException("accountId", "You already own this group.");
        }
        target.role = Role.OWNER;
        at.membership().role = Role.MODERATOR;
        record(at.group(), at.membership().account, ActivityKind.OWNERSHIP_TRANSFERRED,
                at.membership().account.displayName + " handed ownership to " + target.account.displayName, null);
    }

    // ---- The reading list ----

    /** The groups where this user may put the paper on the list, for the reader's "add to list" form. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Candidate> groupsToPropose(long paperId, SignedIn user) {
        // One statement: this runs on every reader page of a signed-in member.
        List<Membership> memberships = Membership.find("select m from Membership m join fetch m.group g "
                + "where m.account.id = ?1 and not exists (select 1 from ReadingListEntry e where e.group = g "
                + "and e.paper.id = ?2) order by g.name", user.id(), paperId).list();
        return memberships.stream()
                .filter(m -> Policy.allows(Action.PROPOSE_PAPER, Actor.account(user.administrator(), m.role)))
                .map(m -> new Candidate(m.group.id, m.group.name)).toList();
    }

    public void propose(long groupId, SignedIn user, long paperId) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.PROPOSE_PAPER, "You cannot add papers to this group's list.");
        Paper paper = Paper.<Paper>findByIdOptional(paperId)
                .orElseThrow(() -> new InvalidFormException("paperId", "Choose a paper from the library."));
        if (ReadingListEntry.listed(groupId, paperId)) {
            throw new InvalidFormException("paperId", "“" + paper.title + "” is already on the reading list.");
        }
        newEntry(at.group(), paper, at.membership().account);
        record(at.group(), at.membership().account, ActivityKind.PAPER_PROPOSED,
                at.membership().account.displayName + " proposed “" + paper.title + "”", paper);
    }

    public void changeStatus(long groupId, SignedIn user, long entryId, ReadingStatus to, String meetingInput) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        ReadingListEntry entry = ReadingListEntry.inGroup(groupId, entryId).orElseThrow(NotFoundException::new);
        boolean author = isProposer(entry, user) && ReadingStatus.authorMayMove(entry.status, to);
        at.require(Action.CHANGE_STATUS, at.actor().asAuthor(author),
                "Only the group's owners and moderators can move papers on the list; you can withdraw your own proposal.");
        if (!entry.status.canMoveTo(to)) {
            throw new InvalidFormException("status", "A paper that is " + entry.status.label().toLowerCase(Locale.ROOT)
                    + " cannot move to " + to.label().toLowerCase(Locale.ROOT) + ".");
        }
        if (meetingInput != null && !meetingInput.isBlank()) {
            entry.meetingAt = parseMeeting(meetingInput, zone(at.group()));
        }
        if (to.needsMeeting() && entry.meetingAt == null) {
            throw new InvalidFormException("meetingAt", "Choose the meeting's date and time to schedule this paper.");
        }
        boolean newlyScheduled = to == ReadingStatus.SCHEDULED && entry.status == ReadingStatus.PROPOSED;
        entry.status = to;
        entry.updatedAt = Instant.now();
        if (newlyScheduled) {
            notifyScheduled(at, entry);
        }
        record(at.group(), at.membership().account, ActivityKind.STATUS_CHANGED, at.membership().account.displayName
                + " moved “" + entry.paper.title + "” to " + to.label().toLowerCase(Locale.ROOT), entry.paper);
    }

    public void schedule(long groupId, SignedIn user, long entryId, String meetingInput) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.SCHEDULE_MEETING, "Only the group's owners and moderators can schedule meetings.");
        ReadingListEntry entry = ReadingListEntry.inGroup(groupId, entryId).orElseThrow(NotFoundException::new);
        if (meetingInput == null || meetingInput.isBlank()) {
            throw new InvalidFormException("meetingAt", "Choose the meeting's date and time.");
        }
        entry.meetingAt = parseMeeting(meetingInput, zone(at.group()));
        if (entry.status == ReadingStatus.PROPOSED) {
            entry.status = ReadingStatus.SCHEDULED;
        }
        notifyScheduled(at, entry);
        entry.updatedAt = Instant.now();
        record(at.group(), at.membership().account, ActivityKind.MEETING_SCHEDULED, at.membership().account.displayName
                + " scheduled “" + entry.paper.title + "” for " + Meeting.of(entry.meetingAt, zone(at.group())).display(),
                entry.paper);
    }

    /**
     * Casts the user's vote for a proposed paper ({@code cast} true), takes it back (false) or
     * toggles it (null); returns whether it now counts. The entry's row is locked first, so a
     * double-submitted vote, however concurrent, counts once and every repeat answers the same.
     */
    public boolean vote(long groupId, SignedIn user, long entryId, Boolean cast) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.VOTE, "You cannot vote in this group.");
        ReadingListEntry entry = ReadingListEntry.<ReadingListEntry>findByIdOptional(entryId, LockModeType.PESSIMISTIC_WRITE)
                .filter(e -> e.group.id == groupId).orElseThrow(NotFoundException::new);
        if (entry.status != ReadingStatus.PROPOSED) {
            throw new InvalidFormException("vote", "Votes are for proposed papers; this one is already "
                    + entry.status.label().toLowerCase(Locale.ROOT) + ".");
        }
        Optional<Vote> existing = Vote.find(entryId, user.id());
        if (cast != null && cast == existing.isPresent()) {
            return cast;
        }
        if (existing.isPresent()) {
            existing.get().delete();
            return false;
        }
        Vote vote = new Vote();
        vote.entry = entry;
        vote.account = at.membership().account;
        vote.createdAt = Instant.now();
        vote.persist();
        record(at.group(), at.membership().account, ActivityKind.VOTE_CAST,
                at.membership().account.displayName + " voted for “" + entry.paper.title + "”", entry.paper);
        return true;
    }

    public void removeEntry(long groupId, SignedIn user, long entryId) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        ReadingListEntry entry = ReadingListEntry.inGroup(groupId, entryId).orElseThrow(NotFoundException::new);
        boolean author = isProposer(entry, user) && entry.status == ReadingStatus.PROPOSED;
        at.require(Action.REMOVE_ENTRY, at.actor().asAuthor(author),
                "Only the group's owners and moderators can remove papers; you can remove your own proposal.");
        Paper paper = entry.paper;
        entry.delete();
        record(at.group(), at.membership().account, ActivityKind.PAPER_REMOVED,
                at.membership().account.displayName + " removed “" + paper.title + "” from the list", paper);
    }

    // ---- Helpers ----

    private static ReadingGroup newGroup(String name, String description, ZoneId zone) {
        Instant now = Instant.now();
        ReadingGroup group = new ReadingGroup();
        group.name = name;
        group.description = description;
        group.timeZone = zone.getId();
        group.createdAt = now;
        group.updatedAt = now;
        group.persist();
        return group;
    }

    /** Adds a member; their open pages restart their live stream to hear the group too. */
    private void addMember(ReadingGroup group, Account account, Role role) {
        Membership membership = new Membership();
        membership.group = group;
        membership.account = account;
        membership.role = role;
        membership.joinedAt = Instant.now();
        membership.persist();
        live.afterCommit(LiveEvent.membership(account.id));
    }

    private static ReadingListEntry newEntry(ReadingGroup group, Paper paper, Account proposer) {
        Instant now = Instant.now();
        ReadingListEntry entry = new ReadingListEntry();
        entry.group = group;
        entry.paper = paper;
        entry.status = ReadingStatus.PROPOSED;
        entry.proposedBy = proposer;
        entry.addedAt = now;
        entry.updatedAt = now;
        entry.persist();
        return entry;
    }

    private static void record(ReadingGroup group, Account actor, ActivityKind kind, String summary, Paper paper) {
        Activity.record(group, actor, kind, summary, paper, null);
    }

    /** Tells every other member that a paper is scheduled, in their inbox and on their open pages. */
    private void notifyScheduled(GroupAccess.Context at, ReadingListEntry entry) {
        for (Long member : Membership.accountIdsOf(at.group().id)) {
            if (member != at.membership().account.id.longValue()) {
                Notification.send(member, at.membership().account, Notification.Kind.SCHEDULED, null, entry.paper,
                        at.group());
                live.afterCommit(LiveEvent.notification(member));
            }
        }
    }

    private static Invitation usable(String token) {
        if (token == null || token.length() > 64) {
            throw new NotFoundException();
        }
        return Invitation.findByToken(token).filter(i -> i.usableAt(Instant.now())).orElseThrow(NotFoundException::new);
    }

    private static List<Role> roles(long groupId) {
        return Membership.<Membership>list("group.id", groupId).stream().map(m -> m.role).toList();
    }

    private static boolean isProposer(ReadingListEntry entry, SignedIn user) {
        return entry.proposedBy != null && entry.proposedBy.id == user.id();
    }

    private static Optional<ReadingListEntry> nextMeeting(List<ReadingListEntry> entries) {
        Instant now = Instant.now();
        return entries.stream()
                .filter(e -> e.meetingAt != null && e.meetingAt.isAfter(now)
                        && (e.status == ReadingStatus.SCHEDULED || e.status == ReadingStatus.READING))
                .min(Comparator.comparing(e -> e.meetingAt));
    }

    private static ZoneId zone(ReadingGroup group) {
        return ZoneId.of(group.timeZone);
    }

    private static Instant parseMeeting(String input, ZoneId zone) {
        try {
            return LocalDateTime.parse(input.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFormException("meetingAt", "Give the meeting as a date and time, e.g. 2026-12-03T17:00.");
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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

    private static List<ActivityLine> activity(long groupId) {
        return Activity.recent(groupId, ACTIVITY_SHOWN).stream().map(a -> new ActivityLine(
                a.actor == null ? "Someone" : a.actor.displayName, a.summary,
                Meeting.of(a.createdAt, ZoneId.of("UTC")).display() + " UTC", a.createdAt.toString())).toList();
    }

    private static long listed(Map<Long, DiscussionTracking.PaperStats> stats, List<ReadingListEntry> entries,
                               java.util.function.ToLongFunction<DiscussionTracking.PaperStats> count) {
        return entries.stream().mapToLong(e -> count.applyAsLong(stats.getOrDefault(e.paper.id,
                DiscussionTracking.PaperStats.NONE))).sum();
    }

    private static Entry entryView(ReadingListEntry e, GroupAccess.Context at, SignedIn user, Set<Long> voters,
                                   ZoneId zone, DiscussionTracking.PaperStats stats) {
        boolean proposer = isProposer(e, user);
        List<ReadingStatus> moves = e.status.next().stream()
                .filter(to -> Policy.allows(Action.CHANGE_STATUS,
                        at.actor().asAuthor(proposer && ReadingStatus.authorMayMove(e.status, to))))
                .toList();
        return new Entry(e.id, e.paper.id, e.paper.title, e.paper.byline(), e.status, Meeting.of(e.meetingAt, zone),
                voters.size(), voters.contains(user.id()), e.proposedBy == null ? null : e.proposedBy.displayName, moves,
                e.status == ReadingStatus.PROPOSED && at.may(Action.VOTE), at.may(Action.SCHEDULE_MEETING),
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
