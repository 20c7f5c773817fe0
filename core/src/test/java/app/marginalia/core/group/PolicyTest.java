package app.marginalia.core.group;

import app.marginalia.core.group.Policy.PaperChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyTest {

    private static final Actor ANONYMOUS = Actor.anonymous();
    private static final Actor OUTSIDER = Actor.account(false, null);
    private static final Actor ADMIN = Actor.account(true, null);
    private static final Actor MEMBER = Actor.account(false, Role.MEMBER);
    private static final Actor MODERATOR = Actor.account(false, Role.MODERATOR);
    private static final Actor OWNER = Actor.account(false, Role.OWNER);

    private static Set<Action> allowed(Actor actor) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            if (Policy.allows(action, actor)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    @Test
    void shouldLetNoOneOutsideAGroupDoAnythingInIt() {
        assertEquals(Set.of(), allowed(ANONYMOUS));
        // Anyone signed in may propose a change to the shared library; nothing in any group.
        assertEquals(Set.of(Action.PROPOSE_PAPER_CHANGE), allowed(OUTSIDER));
        // An instance administrator runs the instance and the library but reads no group's private business.
        assertEquals(Set.of(Action.ADMINISTER_INSTANCE, Action.EDIT_PAPER, Action.PROPOSE_PAPER_CHANGE,
                Action.REVIEW_PAPER_CHANGES), allowed(ADMIN));
    }

    @Test
    void shouldLetAMemberReadProposeVoteAndLeave() {
        assertEquals(EnumSet.of(Action.VIEW_GROUP, Action.LEAVE_GROUP, Action.PROPOSE_PAPER, Action.VOTE,
                Action.ANNOTATE, Action.REPLY, Action.REACT, Action.REATTACH_NOTE, Action.PROPOSE_PAPER_CHANGE),
                allowed(MEMBER));
    }

    @Test
    void shouldLetAModeratorRunTheListAndInvitationsButNotOwnTheGroup() {
        Set<Action> moderator = allowed(MODERATOR);
        assertTrue(moderator.containsAll(EnumSet.of(Action.EDIT_GROUP, Action.MANAGE_INVITATIONS,
                Action.CHANGE_STATUS, Action.SCHEDULE_MEETING, Action.REMOVE_ENTRY, Action.RECORD_CONCLUSION)));
        assertFalse(allowed(MEMBER).contains(Action.RECORD_CONCLUSION), "the conclusion is the moderators' to record");
        assertFalse(moderator.contains(Action.DELETE_GROUP));
        assertFalse(moderator.contains(Action.TRANSFER_OWNERSHIP));
        assertFalse(moderator.contains(Action.CHANGE_ROLE));
    }

    @Test
    void shouldLetOnlyAnOwnerDeleteTransferAndChangeRoles() {
        assertTrue(allowed(OWNER).containsAll(EnumSet.of(Action.DELETE_GROUP, Action.TRANSFER_OWNERSHIP)));
        assertTrue(Policy.allows(Action.CHANGE_ROLE, OWNER.towards(Role.MODERATOR)));
        assertFalse(Policy.allows(Action.CHANGE_ROLE, OWNER.towards(Role.OWNER)));
    }

    @Test
    void shouldLetAModeratorRemoveMembersButNotPeers() {
        assertTrue(Policy.allows(Action.REMOVE_MEMBER, MODERATOR.towards(Role.MEMBER)));
        assertFalse(Policy.allows(Action.REMOVE_MEMBER, MODERATOR.towards(Role.MODERATOR)));
        assertFalse(Policy.allows(Action.REMOVE_MEMBER, MODERATOR.towards(Role.OWNER)));
        assertTrue(Policy.allows(Action.REMOVE_MEMBER, OWNER.towards(Role.MODERATOR)));
        assertFalse(Policy.allows(Action.REMOVE_MEMBER, MEMBER.towards(Role.MEMBER)));
    }

    @Test
    void shouldLetTheProposerOfAPaperWithdrawIt() {
        assertTrue(Policy.allows(Action.CHANGE_STATUS, MEMBER.asAuthor(true)));
        assertTrue(Policy.allows(Action.REMOVE_ENTRY, MEMBER.asAuthor(true)));
        assertFalse(Policy.allows(Action.CHANGE_STATUS, MEMBER.asAuthor(false)));
        assertFalse(Policy.allows(Action.CHANGE_STATUS, OUTSIDER.asAuthor(true)), "authorship needs membership");
    }

    @Test
    void shouldLetOnlyTheAuthorEditANoteButAModeratorDeleteResolveAndAnswer() {
        assertTrue(Policy.allows(Action.EDIT_NOTE, MEMBER.asAuthor(true)));
        assertFalse(Policy.allows(Action.EDIT_NOTE, MEMBER.asAuthor(false)));
        assertFalse(Policy.allows(Action.EDIT_NOTE, MODERATOR.asAuthor(false)), "moderators do not put words in mouths");
        for (Action action : EnumSet.of(Action.DELETE_NOTE, Action.RESOLVE_THREAD, Action.ANSWER_QUESTION)) {
            assertTrue(Policy.allows(action, MEMBER.asAuthor(true)), action.name());
            assertFalse(Policy.allows(action, MEMBER.asAuthor(false)), action.name());
            assertTrue(Policy.allows(action, MODERATOR.asAuthor(false)), action.name());
            assertFalse(Policy.allows(action, OUTSIDER.asAuthor(true)), action.name());
        }
    }

    @Test
    void shouldLetOnlyAdministratorsAndWhoeverAddedAPaperEditItAndNoGroupRole() {
        assertTrue(Policy.allows(Action.EDIT_PAPER, ADMIN));
        assertTrue(Policy.allows(Action.EDIT_PAPER, OUTSIDER.asAuthor(true)));
        assertFalse(Policy.allows(Action.EDIT_PAPER, MODERATOR), "running a group gives no right over the library");
        assertFalse(Policy.allows(Action.EDIT_PAPER, OWNER));
        assertFalse(Policy.allows(Action.EDIT_PAPER, OUTSIDER));
        assertFalse(Policy.allows(Action.EDIT_PAPER, ANONYMOUS));
        assertTrue(Policy.allows(Action.REVIEW_PAPER_CHANGES, ADMIN));
        assertFalse(Policy.allows(Action.REVIEW_PAPER_CHANGES, OWNER.asAuthor(true)));
    }

    private static final Actor ADDER = OUTSIDER.asAuthor(true);

    private static PaperStakes stakes(long othersPrivateNotes, PaperStakes.GroupStake... groups) {
        return new PaperStakes(List.of(groups), othersPrivateNotes);
    }

    private static PaperStakes.GroupStake group(Role role, long notes, boolean listed) {
        return new PaperStakes.GroupStake(Optional.ofNullable(role), notes, listed);
    }

    @Test
    void shouldLetTheAdderEditAPaperNobodyElseDependsOn() {
        assertEquals(PaperChange.EDIT, Policy.paperChange(ADDER, PaperStakes.none()));
        // Their own group's list and discussion are theirs to answer for when they run the group.
        assertEquals(PaperChange.EDIT, Policy.paperChange(ADDER, stakes(0, group(Role.OWNER, 12, true),
                group(Role.MODERATOR, 3, false))));
    }

    @Test
    void shouldMakeTheAdderProposeOnceAnotherGroupOrPersonDependsOnThePaper() {
        // The vandal's mirror image: the paper's adder, but another group reads it.
        assertEquals(PaperChange.PROPOSE, Policy.paperChange(ADDER, stakes(0, group(Role.OWNER, 0, true),
                group(null, 413, true))));
        assertEquals(PaperChange.PROPOSE, Policy.paperChange(ADDER, stakes(0, group(null, 0, true))),
                "a group that chose the paper by its title and text depends on them before its first note");
        assertEquals(PaperChange.PROPOSE, Policy.paperChange(ADDER, stakes(0, group(Role.MEMBER, 1, true))),
                "a plain member does not answer for the group's discussion");
        assertEquals(PaperChange.PROPOSE, Policy.paperChange(ADDER, stakes(1)),
                "someone's private notes would be moved or detached too");
    }

    @Test
    void shouldLetAnAdministratorEditWhateverDependsOnThePaper() {
        assertEquals(PaperChange.EDIT, Policy.paperChange(ADMIN, stakes(5, group(null, 413, true))));
    }

    @Test
    void shouldLookUpTheStakesOnlyForThePapersAdder() {
        Supplier<PaperStakes> unused = () -> {
            throw new AssertionError("the stakes decide nothing here");
        };
        assertEquals(PaperChange.PROPOSE, Policy.paperChange(MODERATOR, unused));
        assertEquals(PaperChange.EDIT, Policy.paperChange(ADMIN, unused));
        assertEquals(PaperChange.NONE, Policy.paperChange(ANONYMOUS, unused));
    }

    @Test
    void shouldMakeAGroupOwnerWhoDidNotAddThePaperProposeEvenWhenOnlyTheirGroupReadsIt() {
        // The vandal: a new account makes a group and lists the paper; running that group is no right.
        assertEquals(PaperChange.PROPOSE, Policy.paperChange(Actor.account(false, null),
                stakes(0, group(Role.OWNER, 0, true), group(null, 413, true))));
        assertEquals(PaperChange.PROPOSE, Policy.paperChange(Actor.account(false, null),
                stakes(0, group(Role.OWNER, 4, true))));
        assertEquals(PaperChange.NONE, Policy.paperChange(ANONYMOUS, PaperStakes.none()));
        assertEquals(PaperChange.NONE, Policy.paperChange(ANONYMOUS.asAuthor(true), PaperStakes.none()));
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void shouldHaveARuleForEveryAction(Action action) {
        // Throws if the table lacks the action; an owner is refused only administration and others' words.
        // Nor may an owner change the shared library beyond proposing.
        assertEquals(action != Action.ADMINISTER_INSTANCE && action != Action.EDIT_NOTE && action != Action.EDIT_PAPER
                        && action != Action.REVIEW_PAPER_CHANGES,
                Policy.allows(action, OWNER.towards(Role.MEMBER)));
    }
}
