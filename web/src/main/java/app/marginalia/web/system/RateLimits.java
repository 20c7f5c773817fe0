package app.marginalia.web.system;

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

    public void login(String username, String address) {
        check("login:account:" + username.toLowerCase(Locale.ROOT), loginPerAccount,
                "Too many sign-in attempts for this account. Wait a little and try again.");
        check("login:address:" + address, loginPerAddress,
                "Too many sign-in attempts from your network. Wait a little and try again.");
    }

    /** After a successful sign-in, earlier failures no longer count against the account. */
    public void loginSucceeded(String username) {
        limiter.reset("login:account:" + username.toLowerCase(Locale.ROOT));
    }

    public void registration(String address) {
        check("register:" + address, registrationPerAddress,
                "Too many accounts were created from your network recently. Try again later.");
    }

    public void write(long accountId) {
        check("write:" + accountId, writePerAccount, "You are making changes very quickly. Wait a moment and try again.");
    }

    private void check(String key, RateLimiter.Limit limit, String message) {
        RateLimiter.Decision decision = limiter.attempt(key, limit);
        if (!decision.allowed()) {
            throw new TooManyRequestsException(message, decision.retryAfterSeconds());
        }
    }
}
