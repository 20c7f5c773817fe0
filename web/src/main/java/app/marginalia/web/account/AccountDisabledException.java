package app.marginalia.web.account;

/** The right password for an account that an administrator has disabled. */
public class AccountDisabledException extends LoginFailedException {

    public AccountDisabledException() {
        super("This account has been disabled by an administrator of this Marginalia, so it cannot sign in. "
                + "Ask them if you think this is a mistake.");
    }
}
