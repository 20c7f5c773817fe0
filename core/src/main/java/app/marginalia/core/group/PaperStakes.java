package app.marginalia.core.group;

import java.util.List;
import java.util.Optional;

/**
 * Who depends on a library paper, as seen from one person who wants to change it: each group that
 * has notes on the paper or has it on its reading list, with that person's role there, and how many
 * private notes other people keep on it. {@link Policy#paperChange} decides from these facts.
 *
 * @param groups             one entry per group with notes on the paper or the paper on its list
 * @param othersPrivateNotes notes on the paper that are private to someone other than the person
 */
public record PaperStakes(List<GroupStake> groups, long othersPrivateNotes) {

    /** One group's stake: the person's role in it (empty: not a member), its notes, whether it lists the paper. */
    public record GroupStake(Optional<Role> role, long notes, boolean listed) {

        /** A group the person runs: their change to the paper changes only a discussion they answer for. */
        boolean runBy() {
            return role.map(r -> r.atLeast(Role.MODERATOR)).orElse(false);
        }
    }

    public PaperStakes {
        groups = List.copyOf(groups);
    }

    /** Nobody depends on the paper yet. */
    public static PaperStakes none() {
        return new PaperStakes(List.of(), 0);
    }

    /** Whether every discussion and list that depends on the paper is the person's own to answer for. */
    boolean allRunBy() {
        return othersPrivateNotes == 0 && groups.stream().allMatch(GroupStake::runBy);
    }
}
