package app.marginalia.core.group;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupRulesTest {

    @Test
    void shouldKeepTheLastOwnerFromLeaving() {
        assertTrue(GroupRules.leavingProblem(Role.OWNER, List.of(Role.OWNER, Role.MEMBER)).isPresent());
        assertTrue(GroupRules.leavingProblem(Role.OWNER, List.of(Role.OWNER, Role.OWNER)).isEmpty());
        assertTrue(GroupRules.leavingProblem(Role.MEMBER, List.of(Role.OWNER, Role.MEMBER)).isEmpty());
    }
}
