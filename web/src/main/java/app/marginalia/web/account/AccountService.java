package app.marginalia.web.account;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.account.AccountDraft;
import app.marginalia.core.account.PasswordRules;
import app.marginalia.core.paper.CanonicalText;
import app.marginalia.core.paper.FieldProblem;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.account.AccountSession;
import app.marginalia.persistence.account.InstanceLock;
import app.marginalia.core.discussion.DiscussionEvent.AccountChanged;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.group.ExampleGroup;
import app.marginalia.web.group.GroupPageReadModel;
import app.marginalia.web.group.GroupViews;
import app.marginalia.web.system.InvalidFormException;
import app.marginalia.web.system.RateLimits;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Accounts: registration, sign-in, profile and password. A change others see or that ends
 * sessions (a new display name, a new password, signing out) emits one {@link AccountChanged};
 * observers restart the account's live streams and re-index what shows the name.
 */
@ApplicationScoped
@Transactional
public class AccountService {

    /** Compared against when the username is unknown, so a miss takes as long as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash(PasswordRules.prehash("no-such-account-password"));

    private static final String USERNAME_TAKEN = "That username is taken. Choose another.";
    private static final String EMAIL_TAKEN = "An account with this email address already exists. Sign in instead.";

    private final RateLimits rateLimits;
    private final GroupPageReadModel groups;
    private final ExampleGroup example;
    private final DiscussionEvents events;

    AccountService(RateLimits rateLimits, GroupPageReadModel groups, ExampleGroup example, DiscussionEvents events) {
        this.rateLimits = rateLimits;
        this.groups = groups;
        this.example = example;
        this.events = events;
    }

    /** What a profile page shows. */
    public record Profile(String username, String displayName, String email, boolean administrator, Instant since,
                          List<GroupViews.GroupSummary> groups) {
    }

    /**
     * Creates an account. The first account of an installation becomes its administrator (and,
     * through {@link #welcome}, the owner of an example group holding the seed papers).
     */
    public Account register(AccountDraft draft, String address) {
        rateLimits.registration(address);
        List<FieldProblem> problems = new ArrayList<>(draft.problems());
        if (problems.stream().noneMatch(p -> p.field().equals("username")) && Account.findByUsername(draft.username()).isPresent()) {
            problems.add(new FieldProblem("username", USERNAME_TAKEN));
        }
        if (problems.stream().noneMatch(p -> p.field().equals("email")) && Account.emailTaken(draft.email())) {
            problems.add(new FieldProblem("email", EMAIL_TAKEN));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        String hash = BcryptUtil.bcryptHash(PasswordRules.prehash(draft.password()));
        Instant now = Instant.now();
        Account account = new Account();
        account.username = draft.username();
        account.displayName = draft.displayName();
        account.email = draft.email();
        account.passwordHash = hash;
        account.administrator = isFirstAccount();
        account.createdAt = now;
        account.updatedAt = now;
        persistUnique(account);
        return account;
    }

    /**
     * Gives the installation's first account an example group holding the seed papers. A
     * transaction of its own, after the registration's: the registration holds the
     * administrators' lock until it commits, and others may be queueing on it.
     */
    public void welcome(Account account) {
        if (account.administrator) {
            example.create(Account.findById(account.id));
        }
    }

    /**
     * Whether this registration is the installation's first. Accounts are never deleted, so
     * once one exists the answer is no without a lock; while none does, registrations queue on
     * the administrators' lock row (on every instance) and count again, so concurrent first
     * registrations make exactly one administrator.
     */
    private static boolean isFirstAccount() {
        if (Account.count() > 0) {
            return false;
        }
        InstanceLock.acquire(InstanceLock.ADMINISTRATORS);
        return Account.count() == 0;
    }

    /**
     * Inserts or flushes the account, turning a lost race on a unique username or email (two
     * registrations at once, both past the check above) into the same form error the check gives.
     */
    private static void persistUnique(Account account) {
        try {
            account.persist();
            Account.flush();
        } catch (PersistenceException e) {
            String constraint = violatedConstraint(e).toLowerCase(Locale.ROOT);
            if (constraint.contains("account_username_uq")) {
                throw new InvalidFormException("username", USERNAME_TAKEN);
            }
            if (constraint.contains("account_email_uq")) {
                throw new InvalidFormException("email", EMAIL_TAKEN);
            }
            throw e;
        }
    }

    /** The violated constraint's name as the database reports it (Hibernate may wrap the violation). */
    private static String violatedConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return violation.getConstraintName() + " " + violation.getMessage();
            }
        }
        return "";
    }

    /** Signs every session of the account out, on every instance; {@link AccountChanged}, so its streams restart. */
    public void signOutEverywhere(long accountId) {
        AccountSession.endAll(accountId);
        events.emit(new AccountChanged(accountId, accountId, false));
    }

    /**
     * This browser's session has ended ({@code Sessions.signOut}); {@link AccountChanged}, so the
     * account's open pages restart their streams: this browser's can no longer, as its session is gone.
     */
    public void signedOut(long accountId) {
        events.emit(new AccountChanged(accountId, accountId, false));
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
        rateLimits.loginSucceeded(name, address);
        if (account.disabled()) {
            // Said only to whoever knows the password: strangers learn nothing about the account.
            throw new AccountDisabledException();
        }
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
        account.updatedAt = Instant.now();
        // Every session ends, on every instance; the caller opens a new one for this browser.
        AccountSession.endAll(accountId);
        // Signed-out sessions must stop hearing live events: every stream of the account restarts.
        events.emit(new AccountChanged(accountId, accountId, false));
        return account;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Profile profile(long accountId) {
        Account account = Account.findById(accountId);
        List<GroupViews.GroupSummary> memberships = groups.mine(accountId);
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
        boolean renamed = !account.displayName.equals(draft.displayName());
        account.displayName = draft.displayName();
        account.email = draft.email();
        account.updatedAt = Instant.now();
        persistUnique(account);
        if (renamed) {
            // Only a new name concerns anyone else: an email address is shown to nobody.
            events.emit(new AccountChanged(accountId, accountId, true));
        }
    }
}
