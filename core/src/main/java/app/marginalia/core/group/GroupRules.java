package app.marginalia.core.group;

import java.util.Collection;
import java.util.Optional;

/** Rules about a group's membership as a whole, which no single actor's role decides. */
public final class GroupRules {

    public static final int NAME_MAX = 120;
    public static final int DESCRIPTION_MAX = 2_000;
    public static final int MAX_INVITATION_DAYS = 90;
    public static final int MAX_INVITATION_USES = 1_000;

    private GroupRules() {
    }

    /**
     * Why a member may not leave or lose the owner role, if they may not: a group always keeps
     * at least one owner, so the last one must hand over first.
     */
    public static Optional<String> leavingProblem(Role leaving, Collection<Role> everyRole) {
        long owners = everyRole.stream().filter(r -> r == Role.OWNER).count();
        if (leaving == Role.OWNER && owners <= 1) {
            return Optional.of("You are the group's only owner. Transfer ownership to another member before leaving.");
        }
        return Optional.empty();
    }
}
