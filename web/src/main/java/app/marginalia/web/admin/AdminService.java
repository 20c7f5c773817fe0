package app.marginalia.web.admin;

import app.marginalia.core.group.Action;
import app.marginalia.core.group.Actor;
import app.marginalia.core.group.Policy;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.seed.SeedImport;
import app.marginalia.web.seed.SeedImportReport;
import app.marginalia.web.search.SearchIndexer;
import app.marginalia.web.seed.SeedImporter;
import app.marginalia.web.system.CurrentUser.SignedIn;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.List;

/** The instance administrator's overview of accounts and groups, and the seed import on demand. */
@ApplicationScoped
public class AdminService {

    /** An account as the administrator sees it. */
    public record UserRow(String username, String displayName, String email, boolean administrator, Instant since,
                          long groups) {
    }

    /** A group as the administrator sees it: its name and size, not its contents. */
    public record GroupRow(String name, long members, long listSize, Instant since) {
    }

    /** The whole admin page. */
    public record Overview(List<UserRow> users, List<GroupRow> groups, SeedImport lastImport, long papers) {
    }

    private final SeedImporter importer;
    private final SearchIndexer search;

    AdminService(SeedImporter importer, SearchIndexer search) {
        this.importer = importer;
        this.search = search;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Overview overview(SignedIn user) {
        require(user);
        List<UserRow> users = Account.listByName().stream().map(a -> new UserRow(a.username, a.displayName, a.email,
                a.administrator, a.createdAt, Membership.count("account.id", a.id)))
                .toList();
        List<GroupRow> groups = ReadingGroup.<ReadingGroup>listAll(Sort.by("name")).stream()
                .map(g -> new GroupRow(g.name, Membership.count("group.id", g.id),
                        ReadingListEntry.count("group.id", g.id), g.createdAt))
                .toList();
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

    /** The admin pages do not exist for anyone else: 404, like any private thing. */
    private static void require(SignedIn user) {
        if (!Policy.allows(Action.ADMINISTER_INSTANCE, Actor.account(user.administrator(), null))) {
            throw new NotFoundException();
        }
    }
}
