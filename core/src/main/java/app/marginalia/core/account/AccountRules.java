package app.marginalia.core.account;

import java.util.Optional;

/**
 * Rules about disabling accounts that no single actor's permission decides (who may administer
 * at all is {@code Policy}'s {@code ADMINISTER_INSTANCE}): an installation always keeps an
 * administrator who can sign in, so nobody can lock everyone out of {@code /admin}.
 */
public final class AccountRules {

    private AccountRules() {
    }

    /**
     * Why the account may not be disabled, if it may not.
     *
     * @param self                whether administrators would disable their own account
     * @param targetAdministrator whether the account is an administrator's
     * @param activeAdministrators administrators who can sign in now, the target included
     */
    public static Optional<String> disablingProblem(boolean self, boolean targetAdministrator, long activeAdministrators) {
        if (self) {
            return Optional.of("You cannot disable your own account.");
        }
        if (targetAdministrator && activeAdministrators <= 1) {
            return Optional.of("This is the last administrator who can sign in; it cannot be disabled.");
        }
        return Optional.empty();
    }
}
