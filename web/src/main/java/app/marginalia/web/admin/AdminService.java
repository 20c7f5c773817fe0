package app.marginalia.web.admin;

import app.marginalia.core.account.AccountRules;
import app.marginalia.core.discussion.DiscussionEvent.AccountChanged;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.Actor;
import app.marginalia.core.group.Policy;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.account.AccountSession;
import app.marginalia.persistence.account.InstanceLock;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.group.GroupCount;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.seed.SeedImport;
import app.marginalia.web.seed.SeedImportReport;
import app.marginalia.web.search.SearchIndexer;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.seed.SeedImporter;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The instance administrator's overview of accounts and groups, disabling accounts, and the
 * seed import on demand.
 */
@ApplicationScoped
public class AdminService {

    /** An account as the administrator sees it; {@code you} is the administrator looking. */
    public record UserRow(long id, String username, String displayName, String email, boolean administrator,
                          Instant since, long groups, Instant disabledAt, boolean you) {
    }

    /** A group as the administrator sees it: its name and size, not its contents. */
    public record GroupRow(String name, long members, long listSize, Instant since) {
    }

    /** The whole admin page. */
    public record Overview(List<UserRow> users, List<GroupRow> groups, SeedImport lastImport, long papers) {
    }

    private final SeedImporter importer;
    private final SearchIndexer search;
    private final DiscussionEvents events;

    AdminService(SeedImporter importer, SearchIndexer search, DiscussionEvents events) {
        this.importer = importer;
        this.search = search;
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Overview overview(SignedIn user) {
        require(user);
        Map<Long, Long> groupsOf = new HashMap<>();
        Membership.groupsPerAccount().forEach(c -> groupsOf.put(c.accountId(), c.groups()));
        List<UserRow> users = Account.listByName().stream().map(a -> new UserRow(a.id, a.username, a.displayName, a.email,
                a.administrator, a.createdAt, groupsOf.getOrDefault(a.id, 0L), a.disabledAt, a.id == user.id()))
                .toList();
        List<ReadingGroup> all = ReadingGroup.listAll(Sort.by("name"));
        List<Long> ids = all.stream().map(g -> g.id).toList();
        Map<Long, Long> members = ids.isEmpty() ? Map.of() : byGroup(Membership.sizes(ids));
        Map<Long, Long> listSizes = ids.isEmpty() ? Map.of() : byGroup(ReadingListEntry.listSizes(ids));
        List<GroupRow> groups = all.stream().map(g -> new GroupRow(g.name, members.getOrDefault(g.id, 0L),
                listSizes.getOrDefault(g.id, 0L), g.createdAt)).toList();
        return new Overview(users, groups, SeedImport.latest().orElse(null),
                Paper.count());
    }

    public SeedImportReport reimport(SignedIn user) {
        require(user);
        return importer.run("administrator " + user.username());
    }

    /** Rebuilds the search index from the database; returns how many papers and notes it holds. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long[] rebuildSearch(SignedIn user) {
        require(user);
        return search.rebuild();
    }

    /**
     * Disables an account: it cannot sign in, and every session it has ends at once on every
     * instance, its open live streams included. Returns the username. Serialised on the
     * administrators' lock, so two administrators disabling each other cannot leave none.
     */
    @Transactional
    public String disable(SignedIn user, long accountId, boolean confirmed) {
        require(user);
        if (!confirmed) {
            throw new InvalidFormException("account", "Tick the box to confirm that the account should be disabled.");
        }
        InstanceLock.acquire(InstanceLock.ADMINISTRATORS);
        Account account = find(accountId);
        if (!account.disabled()) {
            AccountRules.disablingProblem(account.id == user.id(), account.administrator, Account.activeAdministrators())
                    .ifPresent(problem -> {
                        throw new InvalidFormException("account", problem);
                    });
            account.disabledAt = Instant.now();
            account.updatedAt = account.disabledAt;
            AccountSession.endAll(account.id);
            events.emit(new AccountChanged(account.id, user.id(), false));
        }
        return account.username;
    }

    /** Lets a disabled account sign in again; its old sessions stay ended. Returns the username. */
    @Transactional
    public String enable(SignedIn user, long accountId) {
        require(user);
        Account account = find(accountId);
        if (account.disabled()) {
            account.disabledAt = null;
            account.updatedAt = Instant.now();
        }
        return account.username;
    }

    private static Map<Long, Long> byGroup(List<GroupCount> counts) {
        Map<Long, Long> byGroup = new HashMap<>();
        counts.forEach(c -> byGroup.put(c.groupId(), c.count()));
        return byGroup;
    }

    private static Account find(long accountId) {
        Account account = Account.findById(accountId);
        if (account == null) {
            throw new NotFoundException();
        }
        return account;
    }

    /** The admin pages do not exist for anyone else: 404, like any private thing. */
    private static void require(SignedIn user) {
        if (!Policy.allows(Action.ADMINISTER_INSTANCE, Actor.account(user.administrator(), null))) {
            throw new NotFoundException();
        }
    }
}
