package app.marginalia.core.group;

import java.util.Optional;

/**
 * Who is acting, as far as permissions care: whether they are signed in and an instance
 * administrator, their role in the group at hand (empty for non-members), whether they
 * authored the thing acted on, and the role of the member acted on, if any.
 */
public record Actor(boolean signedIn, boolean administrator, Optional<Role> role, boolean author,
                    Optional<Role> targetRole) {

    public static Actor anonymous() {
        return new Actor(false, false, Optional.empty(), false, Optional.empty());
    }

    public static Actor account(boolean administrator, Role roleOrNull) {
        return new Actor(true, administrator, Optional.ofNullable(roleOrNull), false, Optional.empty());
    }

    public Actor asAuthor(boolean isAuthor) {
        return new Actor(signedIn, administrator, role, isAuthor, targetRole);
    }

    public Actor towards(Role target) {
        return new Actor(signedIn, administrator, role, author, Optional.ofNullable(target));
    }

    public boolean member() {
        return role.isPresent();
    }

    boolean hasRole(Role minimum) {
        return role.map(r -> r.atLeast(minimum)).orElse(false);
    }
}
