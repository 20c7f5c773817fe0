package app.marginalia.web.group;

import app.marginalia.persistence.account.Account;
import app.marginalia.web.system.MarginaliaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.ZoneId;

/**
 * The first account's example group: two commands in one transaction, so two events (the group
 * {@code CREATED}, its list {@code SEEDED}) and two activity lines, as a person doing it by hand
 * would leave.
 */
@ApplicationScoped
@Transactional
public class ExampleGroup {

    private final GroupCommands groups;
    private final ReadingListCommands list;
    private final MarginaliaConfig config;

    ExampleGroup(GroupCommands groups, ReadingListCommands list, MarginaliaConfig config) {
        this.groups = groups;
        this.list = list;
        this.config = config;
    }

    public long create(Account owner) {
        long groupId = groups.create(owner, "Example reading group",
                "An example to explore: its reading list holds the seed library. Rename it, invite your "
                        + "reading group, or delete it once you have made your own.", ZoneId.of(config.defaultTimeZone()));
        list.seedExample(groupId, owner);
        return groupId;
    }
}
