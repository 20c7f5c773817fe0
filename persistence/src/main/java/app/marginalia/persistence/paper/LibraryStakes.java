package app.marginalia.persistence.paper;

import app.marginalia.core.group.PaperStakes;
import app.marginalia.core.group.Role;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingListEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The facts {@code Policy.paperChange} needs about who depends on a paper, in four statements
 * whatever the number of notes: notes per group, the groups listing it, the person's roles in those
 * groups, and other people's private notes. Spans annotations, lists and memberships, so it is a
 * query class of its own rather than a finder on one entity.
 */
public final class LibraryStakes {

    private LibraryStakes() {
    }

    /** Notes of one group on the paper. */
    record GroupNotes(long groupId, long notes) {
    }

    /** The person's role in one group. */
    record GroupRole(long groupId, Role role) {
    }

    public static PaperStakes of(long paperId, long accountId) {
        // Every note counts, deleted ones too: a tombstone still holds its replies on the passage.
        Map<Long, long[]> groups = new TreeMap<>();
        for (GroupNotes row : Annotation.getEntityManager().createQuery("select a.group.id, count(a) from Annotation a "
                + "where a.paper.id = ?1 and a.group is not null group by a.group.id", GroupNotes.class)
                .setParameter(1, paperId).getResultList()) {
            groups.computeIfAbsent(row.groupId(), g -> new long[2])[0] = row.notes();
        }
        for (Long groupId : ReadingListEntry.getEntityManager().createQuery("select e.group.id from ReadingListEntry e "
                + "where e.paper.id = ?1", Long.class).setParameter(1, paperId).getResultList()) {
            groups.computeIfAbsent(groupId, g -> new long[2])[1] = 1;
        }
        Map<Long, Role> roles = new HashMap<>();
        if (!groups.isEmpty()) {
            for (GroupRole row : Membership.getEntityManager().createQuery("select m.group.id, m.role from Membership m "
                    + "where m.account.id = ?1 and m.group.id in ?2", GroupRole.class)
                    .setParameter(1, accountId).setParameter(2, groups.keySet()).getResultList()) {
                roles.put(row.groupId(), row.role());
            }
        }
        List<PaperStakes.GroupStake> stakes = new ArrayList<>();
        groups.forEach((groupId, facts) -> stakes.add(
                new PaperStakes.GroupStake(Optional.ofNullable(roles.get(groupId)), facts[0], facts[1] > 0)));
        long othersPrivate = Annotation.count("paper.id = ?1 and group is null and author.id <> ?2", paperId, accountId);
        return new PaperStakes(stakes, othersPrivate);
    }
}
