package app.marginalia.web.group;

import app.marginalia.core.discussion.DiscussionEvent.GroupChange;
import app.marginalia.core.discussion.DiscussionEvent.GroupChanged;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.GroupRules;
import app.marginalia.core.group.Role;
import app.marginalia.core.paper.FieldProblem;
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

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

/**
 * Changes to a group itself: creating, editing and deleting it, and its invitation links. Each
 * command emits one {@link GroupChanged}; what follows from it (the activity line, the new
 * owner's live streams, search) is the observers' business.
 */
@ApplicationScoped
@Transactional
public class GroupCommands {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DiscussionEvents events;

    GroupCommands(DiscussionEvents events) {
        this.events = events;
    }

    /** Creates a group owned by the user; {@code CREATED}, whose actor is the new owner. */
    public long create(SignedIn user, GroupForm form) {
        List<FieldProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        return create(Account.findById(user.id()), form.cleanName(), form.cleanDescription(),
                ZoneId.of(form.timeZone.strip()));
    }

    /** Creates a group with this owner as its only member; {@code CREATED}. */
    public long create(Account owner, String name, String description, ZoneId zone) {
        Instant now = Instant.now();
        ReadingGroup group = new ReadingGroup();
        group.name = name;
        group.description = description;
        group.timeZone = zone.getId();
        group.createdAt = now;
        group.updatedAt = now;
        group.persist();
        Membership membership = new Membership();
        membership.group = group;
        membership.account = owner;
        membership.role = Role.OWNER;
        membership.joinedAt = now;
        membership.persist();
        events.emit(new GroupChanged(group.id, owner.id, GroupChange.CREATED));
        return group.id;
    }

    /** Name, description and time zone; {@code EDITED}. */
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
        events.emit(new GroupChanged(groupId, user.id(), GroupChange.EDITED));
    }

    /**
     * Deletes the group with everything in it, once the owner has typed its name; {@code DELETED}
     * (the group's rows are gone when observers see it). Returns the name.
     */
    public String delete(long groupId, SignedIn user, String confirmName) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.DELETE_GROUP, "Only an owner can delete the group.");
        String name = at.group().name;
        if (confirmName == null || !confirmName.strip().equals(name)) {
            throw new InvalidFormException("confirmName", "Type the group's name exactly to confirm: " + name);
        }
        ReadingGroup.deleteWithContents(groupId);
        events.emit(new GroupChanged(groupId, user.id(), GroupChange.DELETED));
        return name;
    }

    /** Creates an invitation link and returns its id; {@code INVITATION_CREATED}. */
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
        events.emit(new GroupChanged(groupId, user.id(), GroupChange.INVITATION_CREATED));
        return invitation.id;
    }

    /** Ends an invitation link; {@code INVITATION_REVOKED}, nothing when it was revoked already. */
    public void revokeInvitation(long groupId, SignedIn user, long invitationId) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.MANAGE_INVITATIONS, "Only the group's owners and moderators can revoke invitations.");
        Invitation invitation = Invitation.inGroup(groupId, invitationId).orElseThrow(NotFoundException::new);
        if (invitation.revokedAt == null) {
            invitation.revokedAt = Instant.now();
            events.emit(new GroupChanged(groupId, user.id(), GroupChange.INVITATION_REVOKED));
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
