package app.marginalia.web.group;

import app.marginalia.core.discussion.DiscussionEvent.MemberChange;
import app.marginalia.core.discussion.DiscussionEvent.MembershipChanged;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.GroupRules;
import app.marginalia.core.group.Role;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.group.Invitation;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;

/**
 * Who belongs to a group and in which role. Each command emits one {@link MembershipChanged}
 * whose {@code memberId} is the person whose membership changed and whose {@code detail} is the
 * role they hold afterwards (null when they hold none); a repeat that changes nothing emits none.
 * Observers write the activity line and restart that person's live streams.
 */
@ApplicationScoped
@Transactional
public class MembershipCommands {

    private final DiscussionEvents events;

    MembershipCommands(DiscussionEvents events) {
        this.events = events;
    }

    /** Joins through an invitation link and returns the group's id; {@code JOINED}, nothing if already a member. */
    public long join(String token, SignedIn user) {
        Invitation invitation = GroupPageReadModel.usable(token);
        ReadingGroup group = invitation.group;
        if (Membership.find(group.id, user.id()).isPresent()) {
            return group.id;
        }
        Membership membership = new Membership();
        membership.group = group;
        membership.account = Account.findById(user.id());
        membership.role = Role.MEMBER;
        membership.joinedAt = Instant.now();
        membership.persist();
        invitation.uses++;
        emit(group.id, user.id(), user.id(), MemberChange.JOINED, Role.MEMBER);
        return group.id;
    }

    /** Leaves the group, unless the rules need the user to stay (its last owner); {@code LEFT}. */
    public void leave(long groupId, SignedIn user) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.LEAVE_GROUP, "You cannot leave this group.");
        GroupRules.leavingProblem(at.role(), Membership.rolesIn(groupId)).ifPresent(problem -> {
            throw new InvalidFormException("leave", problem);
        });
        at.membership().delete();
        emit(groupId, user.id(), user.id(), MemberChange.LEFT, null);
    }

    /** Removes a member: moderators remove members, owners remove moderators; {@code REMOVED}. */
    public void removeMember(long groupId, SignedIn user, long accountId) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        Membership target = Membership.find(groupId, accountId).orElseThrow(NotFoundException::new);
        at.require(Action.REMOVE_MEMBER, at.actor().towards(target.role),
                "You cannot remove this member: moderators remove members, owners remove moderators.");
        target.delete();
        emit(groupId, accountId, user.id(), MemberChange.REMOVED, null);
    }

    /** Makes a member a moderator or a member again; {@code ROLE_CHANGED} with the new role, nothing if unchanged. */
    public void changeRole(long groupId, SignedIn user, long accountId, Role role) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        Membership target = Membership.find(groupId, accountId).orElseThrow(NotFoundException::new);
        at.require(Action.CHANGE_ROLE, at.actor().towards(target.role), "Only an owner can change members' roles.");
        if (role == Role.OWNER) {
            throw new InvalidFormException("role", "Use “Transfer ownership” to make someone the owner.");
        }
        if (target.role != role) {
            target.role = role;
            emit(groupId, accountId, user.id(), MemberChange.ROLE_CHANGED, role);
        }
    }

    /**
     * Makes another member the owner; the previous owner stays on as a moderator (which the
     * event implies: only an owner can hand over). {@code OWNERSHIP_TRANSFERRED}, about the new owner.
     */
    public void transferOwnership(long groupId, SignedIn user, long accountId) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.TRANSFER_OWNERSHIP, "Only an owner can hand over the group.");
        Membership target = Membership.find(groupId, accountId).orElseThrow(NotFoundException::new);
        if (target.id.equals(at.membership().id)) {
            throw new InvalidFormException("accountId", "You already own this group.");
        }
        target.role = Role.OWNER;
        at.membership().role = Role.MODERATOR;
        emit(groupId, accountId, user.id(), MemberChange.OWNERSHIP_TRANSFERRED, Role.OWNER);
    }

    private void emit(long groupId, long memberId, long actorId, MemberChange change, Role role) {
        events.emit(new MembershipChanged(groupId, memberId, actorId, change, role == null ? null : role.name()));
    }
}
