package app.marginalia.web.system;

import app.marginalia.core.system.AddressBucket;
import app.marginalia.core.system.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Locale;

/** The application's rate limits, from {@link MarginaliaConfig.RateLimits}, over one in-memory limiter. */
@ApplicationScoped
public class RateLimits {

    private final RateLimiter limiter = new RateLimiter(Clock.systemUTC());
    private final RateLimiter.Limit loginPerAccount;
    private final RateLimiter.Limit loginPerAddress;
    private final RateLimiter.Limit registrationPerAddress;
    private final RateLimiter.Limit writePerAccount;

    RateLimits(MarginaliaConfig config) {
        MarginaliaConfig.RateLimits limits = config.rateLimits();
        loginPerAccount = new RateLimiter.Limit(limits.loginsPerAccount(), limits.loginWindow());
        loginPerAddress = new RateLimiter.Limit(limits.loginsPerAddress(), limits.loginWindow());
        registrationPerAddress = new RateLimiter.Limit(limits.registrationsPerAddress(), limits.registrationWindow());
        writePerAccount = new RateLimiter.Limit(limits.writesPerAccount(), limits.writeWindow());
    }

    /**
     * Counts a sign-in attempt. The per-account limit counts per account <em>and address</em>:
     * a stranger guessing from elsewhere uses up only their own attempts, never the owner's, so
     * refused sign-ins cannot be used to lock someone out. Guessing from many addresses is
     * bounded by the per-address limit on each of them (see docs/architecture.md).
     */
    public void login(String username, String address) {
        check(accountKey(username, address), loginPerAccount,
                "Too many sign-in attempts for this account from your network. Wait a little and try again.");
        check("login:address:" + AddressBucket.of(address), loginPerAddress,
                "Too many sign-in attempts from your network. Wait a little and try again.");
    }

    /** After a successful sign-in, earlier failures from that address no longer count. */
    public void loginSucceeded(String username, String address) {
        limiter.reset(accountKey(username, address));
    }

    public void registration(String address) {
        check("register:" + AddressBucket.of(address), registrationPerAddress,
                "Too many accounts were created from your network recently. Try again later.");
    }

    public void write(long accountId) {
        check("write:" + accountId, writePerAccount, "You are making changes very quickly. Wait a moment and try again.");
    }

    private static String accountKey(String username, String address) {
        return "login:account:" + username.toLowerCase(Locale.ROOT) + "@" + AddressBucket.of(address);
    }

    private void check(String key, RateLimiter.Limit limit, String message) {
        RateLimiter.Decision decision = limiter.attempt(key, limit);
        if (!decision.allowed()) {
            throw new TooManyRequestsException(message, decision.retryAfterSeconds());
        }
    }
}
