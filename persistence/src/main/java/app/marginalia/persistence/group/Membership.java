package app.marginalia.persistence.group;

import app.marginalia.core.group.Role;
import app.marginalia.persistence.account.Account;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** An account's place in a group, with its role. */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    public ReadingGroup group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "joined_at")
    public Instant joinedAt;

    public static Optional<Membership> find(long groupId, long accountId) {
        return find("group.id = ?1 and account.id = ?2", groupId, accountId).firstResultOptional();
    }

    /** A group's members with their accounts, owners first, in one statement. */
    public static List<Membership> ofGroup(long groupId) {
        return find("select m from Membership m join fetch m.account where m.group.id = ?1 "
                + "order by case m.role when 'OWNER' then 0 when 'MODERATOR' then 1 else 2 end, m.account.displayName",
                groupId).list();
    }

    /** An account's memberships with their groups, in one statement. */
    public static List<Membership> ofAccount(long accountId) {
        return find("select m from Membership m join fetch m.group where m.account.id = ?1 order by m.group.name",
                accountId).list();
    }

    public static List<Long> groupIdsOf(long accountId) {
        return getEntityManager().createQuery("select m.group.id from Membership m where m.account.id = ?1", Long.class)
                .setParameter(1, accountId).getResultList();
    }

    /**
     * The account's memberships, with their groups, in the groups whose reading list does not
     * have the paper yet, by group name: where the reader offers to propose it. One statement.
     */
    public static List<Membership> ofAccountWithoutPaper(long accountId, long paperId) {
        return find("select m from Membership m join fetch m.group g where m.account.id = ?1 and not exists "
                + "(select 1 from ReadingListEntry e where e.group = g and e.paper.id = ?2) order by g.name",
                accountId, paperId).list();
    }

    /** The roles held in a group, one per member. */
    public static List<Role> rolesIn(long groupId) {
        return getEntityManager().createQuery("select m.role from Membership m where m.group.id = ?1", Role.class)
                .setParameter(1, groupId).getResultList();
    }

    public static long countIn(long groupId) {
        return count("group.id", groupId);
    }

    /** How many members each of these groups has, in one statement; a group without members has no row. */
    public static List<GroupCount> sizes(Collection<Long> groupIds) {
        return getEntityManager().createQuery("select m.group.id, count(m) from Membership m where m.group.id in ?1 "
                + "group by m.group.id", GroupCount.class).setParameter(1, groupIds).getResultList();
    }

    /** How many groups each account belongs to, in one statement; accounts in no group have no row. */
    public static List<AccountGroups> groupsPerAccount() {
        return getEntityManager().createQuery("select m.account.id, count(m) from Membership m group by m.account.id",
                AccountGroups.class).getResultList();
    }

    /** How many groups an account belongs to. */
    public record AccountGroups(long accountId, long groups) {
    }

    public static List<Long> accountIdsOf(long groupId) {
        return getEntityManager().createQuery("select m.account.id from Membership m where m.group.id = ?1", Long.class)
                .setParameter(1, groupId).getResultList();
    }

    /**
     * An account's memberships of the groups whose reading list holds a paper, with their groups,
     * by group name, in one statement: the discussions the reader can switch between.
     */
    public static List<Membership> readingPaper(long accountId, long paperId) {
        return find("select m from Membership m join fetch m.group g where m.account.id = ?1 and exists "
                + "(select 1 from ReadingListEntry e where e.group = g and e.paper.id = ?2) order by g.name",
                accountId, paperId).list();
    }

    /** The members of a group with these user names (lower case), with their accounts, in one statement. */
    public static List<Membership> named(long groupId, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return find("select m from Membership m join fetch m.account acc where m.group.id = ?1 and acc.username in ?2",
                groupId, usernames).list();
    }
}
