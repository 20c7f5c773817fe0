package app.marginalia.web.group;

import app.marginalia.core.group.Action;
import app.marginalia.core.group.Actor;
import app.marginalia.core.group.Policy;
import app.marginalia.core.group.Role;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.web.system.CurrentUser;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

import java.util.Optional;

/**
 * Applies core's {@link Policy} to a group: who the actor is there, and whether they may act.
 * A group answers 404 to anyone who may not see it, so outsiders cannot learn it exists.
 */
final class GroupAccess {

    /** The group, its actor, and the actor's membership. */
    record Context(ReadingGroup group, Membership membership, Actor actor) {

        Role role() {
            return membership.role;
        }

        /** Refuses with 403 unless the policy allows the action to this actor. */
        void require(Action action, Actor who, String refusal) {
            if (!Policy.allows(action, who)) {
                throw new ForbiddenException(refusal);
            }
        }

        void require(Action action, String refusal) {
            require(action, actor, refusal);
        }

        boolean may(Action action) {
            return Policy.allows(action, actor);
        }
    }

    private GroupAccess() {
    }

    /** The group as the user sees it; 404 unless they are a member. */
    static Context enter(long groupId, CurrentUser.SignedIn user) {
        Optional<Membership> membership = Membership.find(groupId, user.id());
        Actor actor = Actor.account(user.administrator(), membership.map(m -> m.role).orElse(null));
        if (membership.isEmpty() || !Policy.allows(Action.VIEW_GROUP, actor)) {
            throw new NotFoundException();
        }
        return new Context(membership.get().group, membership.get(), actor);
    }
}
