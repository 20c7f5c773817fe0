package app.marginalia.web.group;

import app.marginalia.core.discussion.DiscussionEvent.ListChange;
import app.marginalia.core.discussion.DiscussionEvent.ReadingListChanged;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.ReadingStatus;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.persistence.group.Vote;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.web.annotation.UnprocessableException;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A group's reading list: proposing, moving, scheduling, voting, removing. Each command emits one
 * {@link ReadingListChanged} carrying the fact its activity line needs in {@code detail} (the new
 * status's name, the meeting as an ISO instant, the number of seeded papers); a repeat that
 * changes nothing emits none. Telling the members of a new meeting is the observers' business.
 */
@ApplicationScoped
@Transactional
public class ReadingListCommands {

    private final DiscussionEvents events;

    ReadingListCommands(DiscussionEvents events) {
        this.events = events;
    }

    /** Puts a library paper on the list as proposed; {@code PROPOSED}. */
    public void propose(long groupId, SignedIn user, long paperId) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.PROPOSE_PAPER, "You cannot add papers to this group's list.");
        Paper paper = Paper.<Paper>findByIdOptional(paperId)
                .orElseThrow(() -> new InvalidFormException("paperId", "Choose a paper from the library."));
        if (ReadingListEntry.listed(groupId, paperId)) {
            throw new InvalidFormException("paperId", "“" + paper.title + "” is already on the reading list.");
        }
        newEntry(at.group(), paper, at.membership().account, Instant.now());
        emit(groupId, paperId, user.id(), ListChange.PROPOSED, null);
    }

    /**
     * The first account's example list: every seed paper, the first scheduled for next Thursday
     * and the second being read for the week after, so a new installation shows a real reading
     * cycle at once; {@code SEEDED} with the number of papers.
     */
    public void seedExample(long groupId, Account owner) {
        ReadingGroup group = ReadingGroup.findById(groupId);
        ZoneId zone = MeetingTimes.zone(group);
        List<Paper> seeds = Paper.listFromSeeds();
        Instant nextWeek = ZonedDateTime.now(zone).with(TemporalAdjusters.next(DayOfWeek.THURSDAY))
                .with(LocalTime.of(17, 0)).toInstant();
        Instant now = Instant.now();
        for (int i = 0; i < seeds.size(); i++) {
            ReadingListEntry entry = newEntry(group, seeds.get(i), owner, now);
            if (i == 0) {
                entry.status = ReadingStatus.SCHEDULED;
                entry.meetingAt = nextWeek;
            } else if (i == 1) {
                entry.status = ReadingStatus.READING;
                entry.meetingAt = nextWeek.plus(Duration.ofDays(7));
            }
        }
        emit(groupId, null, owner.id, ListChange.SEEDED, String.valueOf(seeds.size()));
    }

    /** Moves a paper by {@link ReadingStatus#canMoveTo}; {@code STATUS_CHANGED} with the new status. */
    public void changeStatus(long groupId, SignedIn user, long entryId, ReadingStatus to, String meetingInput) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        ReadingListEntry entry = ReadingListEntry.inGroup(groupId, entryId).orElseThrow(NotFoundException::new);
        boolean author = isProposer(entry, user) && ReadingStatus.authorMayMove(entry.status, to);
        at.require(Action.CHANGE_STATUS, at.actor().asAuthor(author),
                "Only the group's owners and moderators can move papers on the list; you can withdraw your own proposal.");
        if (!entry.status.canMoveTo(to)) {
            throw new InvalidFormException("status", "A paper that is " + lower(entry.status)
                    + " cannot move to " + lower(to) + ".");
        }
        if (meetingInput != null && !meetingInput.isBlank()) {
            entry.meetingAt = MeetingTimes.parse(meetingInput, MeetingTimes.zone(at.group()));
        }
        if (to.needsMeeting() && entry.meetingAt == null) {
            throw new InvalidFormException("meetingAt", "Choose the meeting's date and time to schedule this paper.");
        }
        entry.status = to;
        entry.updatedAt = Instant.now();
        emit(groupId, entry.paper.id, user.id(), ListChange.STATUS_CHANGED, to.name());
    }

    /**
     * Sets or moves a paper's meeting; a proposed paper becomes scheduled, a paper being read
     * stays so. Only where {@link ReadingStatus#canSchedule} allows it: a discussed or archived
     * paper is refused (422), as a meeting would revive it silently. {@code MEETING_SCHEDULED}
     * with the meeting's instant.
     */
    public void schedule(long groupId, SignedIn user, long entryId, String meetingInput) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.SCHEDULE_MEETING, "Only the group's owners and moderators can schedule meetings.");
        ReadingListEntry entry = ReadingListEntry.inGroup(groupId, entryId).orElseThrow(NotFoundException::new);
        if (!entry.status.canSchedule()) {
            throw new UnprocessableException(entry.status == ReadingStatus.ARCHIVED
                    ? "An archived paper cannot get a meeting; move it back to proposed first."
                    : "A " + lower(entry.status) + " paper cannot get a meeting; reopen it (move it back to reading) first.");
        }
        if (meetingInput == null || meetingInput.isBlank()) {
            throw new InvalidFormException("meetingAt", "Choose the meeting's date and time.");
        }
        entry.meetingAt = MeetingTimes.parse(meetingInput, MeetingTimes.zone(at.group()));
        if (entry.status == ReadingStatus.PROPOSED) {
            entry.status = ReadingStatus.SCHEDULED;
        }
        entry.updatedAt = Instant.now();
        emit(groupId, entry.paper.id, user.id(), ListChange.MEETING_SCHEDULED, entry.meetingAt.toString());
    }

    /**
     * Casts the user's vote for a proposed paper ({@code cast} true), takes it back (false) or
     * toggles it (null); returns whether it now counts. The entry's row is locked first, so a
     * double-submitted vote, however concurrent, counts once and every repeat answers the same.
     * {@code VOTE_CAST} or {@code VOTE_WITHDRAWN}; a repeat emits nothing.
     */
    public boolean vote(long groupId, SignedIn user, long entryId, Boolean cast) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.VOTE, "You cannot vote in this group.");
        ReadingListEntry entry = ReadingListEntry.<ReadingListEntry>findByIdOptional(entryId, LockModeType.PESSIMISTIC_WRITE)
                .filter(e -> e.group.id == groupId).orElseThrow(NotFoundException::new);
        if (entry.status != ReadingStatus.PROPOSED) {
            throw new InvalidFormException("vote", "Votes are for proposed papers; this one is already "
                    + lower(entry.status) + ".");
        }
        Optional<Vote> existing = Vote.find(entryId, user.id());
        if (cast != null && cast == existing.isPresent()) {
            return cast;
        }
        if (existing.isPresent()) {
            existing.get().delete();
            emit(groupId, entry.paper.id, user.id(), ListChange.VOTE_WITHDRAWN, null);
            return false;
        }
        Vote vote = new Vote();
        vote.entry = entry;
        vote.account = at.membership().account;
        vote.createdAt = Instant.now();
        vote.persist();
        emit(groupId, entry.paper.id, user.id(), ListChange.VOTE_CAST, null);
        return true;
    }

    /** Takes a paper off the list (its proposer may while it is proposed); {@code REMOVED}. */
    public void removeEntry(long groupId, SignedIn user, long entryId) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        ReadingListEntry entry = ReadingListEntry.inGroup(groupId, entryId).orElseThrow(NotFoundException::new);
        boolean author = isProposer(entry, user) && entry.status == ReadingStatus.PROPOSED;
        at.require(Action.REMOVE_ENTRY, at.actor().asAuthor(author),
                "Only the group's owners and moderators can remove papers; you can remove your own proposal.");
        long paperId = entry.paper.id;
        entry.delete();
        emit(groupId, paperId, user.id(), ListChange.REMOVED, null);
    }

    static boolean isProposer(ReadingListEntry entry, SignedIn user) {
        return entry.proposedBy != null && entry.proposedBy.id == user.id();
    }

    private void emit(long groupId, Long paperId, long actorId, ListChange change, String detail) {
        events.emit(new ReadingListChanged(groupId, paperId, actorId, change, detail));
    }

    private static ReadingListEntry newEntry(ReadingGroup group, Paper paper, Account proposer, Instant now) {
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

    private static String lower(ReadingStatus status) {
        return status.label().toLowerCase(Locale.ROOT);
    }
}
