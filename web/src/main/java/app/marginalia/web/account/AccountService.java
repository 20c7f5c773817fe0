package app.marginalia.web.account;

import app.marginalia.core.account.AccountDraft;
import app.marginalia.core.account.PasswordRules;
import app.marginalia.core.paper.CanonicalText;
import app.marginalia.core.paper.FieldProblem;
import app.marginalia.persistence.account.Account;
import app.marginalia.core.discussion.LiveEvent;
import app.marginalia.web.group.GroupService;
import app.marginalia.web.live.LiveEvents;
import app.marginalia.web.search.SearchIndexer;
import app.marginalia.web.system.InvalidFormException;
import app.marginalia.web.system.RateLimits;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Accounts: registration, sign-in, profile and password. */
@ApplicationScoped
@Transactional
public class AccountService {

    /** Compared against when the username is unknown, so a miss takes as long as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash(PasswordRules.prehash("no-such-account-password"));

    private final RateLimits rateLimits;
    private final GroupService groups;

    private final SearchIndexer search;
    private final LiveEvents live;

    AccountService(RateLimits rateLimits, GroupService groups, SearchIndexer search, LiveEvents live) {
        this.rateLimits = rateLimits;
        this.groups = groups;
        this.search = search;
        this.live = live;
    }

    /** What a profile page shows. */
    public record Profile(String username, String displayName, String email, boolean administrator, Instant since,
                          List<GroupService.GroupSummary> groups) {
    }

    /**
     * Creates an account. The first account of an installation becomes its administrator and
     * the owner of an example group holding the seed papers.
     */
    public Account register(AccountDraft draft, String address) {
        rateLimits.registration(address);
        List<FieldProblem> problems = new ArrayList<>(draft.problems());
        if (problems.stream().noneMatch(p -> p.field().equals("username")) && Account.findByUsername(draft.username()).isPresent()) {
            problems.add(new FieldProblem("username", "That username is taken. Choose another."));
        }
        if (problems.stream().noneMatch(p -> p.field().equals("email")) && Account.emailTaken(draft.email())) {
            problems.add(new FieldProblem("email", "An account with this email address already exists. Sign in instead."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        Instant now = Instant.now();
        boolean first = Account.count() == 0;
        Account account = new Account();
        account.username = draft.username();
        account.displayName = draft.displayName();
        account.email = draft.email();
        account.passwordHash = BcryptUtil.bcryptHash(PasswordRules.prehash(draft.password()));
        account.administrator = first;
        account.createdAt = now;
        account.updatedAt = now;
        account.persist();
        if (first) {
            groups.createExample(account);
        }
        return account;
    }

    public Account authenticate(String username, String password, String address) {
        String name = CanonicalText.singleLine(username).toLowerCase(Locale.ROOT);
        rateLimits.login(name, address);
        Account account = Account.findByUsername(name).orElse(null);
        String candidate = PasswordRules.prehash(password == null ? "" : password);
        boolean matches = BcryptUtil.matches(candidate, account == null ? DUMMY_HASH : account.passwordHash);
        if (account == null || !matches) {
            throw new LoginFailedException();
        }
        rateLimits.loginSucceeded(name);
        return account;
    }

    /** Changes the password and ends every other session of the account. */
    public Account changePassword(long accountId, String current, String replacement) {
        Account account = Account.findById(accountId);
        if (!BcryptUtil.matches(PasswordRules.prehash(current == null ? "" : current), account.passwordHash)) {
            throw new InvalidFormException("currentPassword", "Your current password is not right.");
        }
        PasswordRules.problem(replacement).ifPresent(m -> {
            throw new InvalidFormException("newPassword", m);
        });
        account.passwordHash = BcryptUtil.bcryptHash(PasswordRules.prehash(replacement));
        account.sessionEpoch++;
        account.updatedAt = Instant.now();
        // Signed-out sessions must stop hearing live events: every stream of the account restarts.
        live.afterCommit(LiveEvent.membership(accountId));
        return account;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Profile profile(long accountId) {
        Account account = Account.findById(accountId);
        List<GroupService.GroupSummary> memberships = groups.mine(accountId);
        return new Profile(account.username, account.displayName, account.email, account.administrator,
                account.createdAt, memberships);
    }

    public void updateProfile(long accountId, String displayName, String email) {
        Account account = Account.findById(accountId);
        AccountDraft draft = new AccountDraft(displayName, account.username, email, "placeholder-password");
        List<FieldProblem> problems = new ArrayList<>(draft.problems());
        if (problems.isEmpty() && !draft.email().equals(account.email) && Account.emailTaken(draft.email())) {
            problems.add(new FieldProblem("email", "Another account uses this email address."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        if (!account.displayName.equals(draft.displayName())) {
            search.author(accountId);
        }
        account.displayName = draft.displayName();
        account.email = draft.email();
        account.updatedAt = Instant.now();
    }
}
