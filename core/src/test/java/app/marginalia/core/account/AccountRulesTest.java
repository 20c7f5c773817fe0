package app.marginalia.core.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountRulesTest {

    @Test
    void shouldLetAnAdministratorDisableAnotherMember() {
        assertTrue(AccountRules.disablingProblem(false, false, 1).isEmpty());
    }

    @Test
    void shouldLetAnAdministratorDisableAnotherAdministratorWhileOneRemains() {
        assertTrue(AccountRules.disablingProblem(false, true, 2).isEmpty());
    }

    @Test
    void shouldNeverDisableOneself() {
        assertEquals("You cannot disable your own account.",
                AccountRules.disablingProblem(true, true, 5).orElseThrow());
    }

    @Test
    void shouldNeverDisableTheLastAdministratorWhoCanSignIn() {
        assertTrue(AccountRules.disablingProblem(false, true, 1).orElseThrow().contains("last administrator"));
    }
}
