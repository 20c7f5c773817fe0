package app.marginalia.web.account;

import app.marginalia.core.account.AccountDraft;
import app.marginalia.persistence.account.Account;
import app.marginalia.web.system.ClientAddress;
import app.marginalia.web.system.CurrentUser;
import app.marginalia.web.system.Flash;
import app.marginalia.web.system.InvalidFormException;
import app.marginalia.web.system.SafeRedirect;
import app.marginalia.web.system.Sessions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Map;
import java.util.Optional;

/** Registration, sign-in and sign-out, the profile page and the password change. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance register(RegistrationForm form, Map<String, String> errors, String next);

        static native TemplateInstance login(String username, String error, String next);

        static native TemplateInstance profile(AccountService.Profile profile, Map<String, String> errors);
    }

    /** The registration form as submitted. */
    public static class RegistrationForm {
        @RestForm
        public String displayName = "";
        @RestForm
        public String username = "";
        @RestForm
        public String email = "";
        @RestForm
        public String password = "";
        @RestForm
        public String next = "";

        AccountDraft draft() {
            return new AccountDraft(displayName, username, email, password);
        }
    }

    private final AccountService accounts;
    private final Sessions sessions;
    private final CurrentUser current;

    AccountResource(AccountService accounts, Sessions sessions, CurrentUser current) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.current = current;
    }

    @GET
    @Path("register")
    public TemplateInstance registerForm(@RestQuery String next) {
        return Templates.register(new RegistrationForm(), Map.of(), SafeRedirect.localPath(next, ""));
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@BeanParam RegistrationForm form, @Context HttpServerRequest request) {
        try {
            Account account = accounts.register(form.draft(), ClientAddress.of(request));
            accounts.welcome(account);
            sessions.signIn(account);
            return Flash.redirect(SafeRedirect.localPath(form.next, "/groups"), "Welcome to Marginalia, "
                    + account.displayName + ".");
        } catch (InvalidFormException e) {
            form.password = "";
            return Response.status(400).entity(Templates.register(form, e.byField(),
                    SafeRedirect.localPath(form.next, ""))).build();
        }
    }

    @GET
    @Path("login")
    public TemplateInstance loginForm(@RestQuery String next) {
        return Templates.login("", null, SafeRedirect.localPath(next, ""));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm String username, @RestForm String password, @RestForm String next,
                          @Context HttpServerRequest request) {
        String back = SafeRedirect.localPath(next, "/groups");
        try {
            sessions.signIn(accounts.authenticate(username == null ? "" : username, password, ClientAddress.of(request)));
            return Flash.redirect(back);
        } catch (LoginFailedException e) {
            return Response.status(e instanceof AccountDisabledException ? 403 : 401).entity(Templates.login(username == null ? "" : username, e.getMessage(),
                    SafeRedirect.localPath(next, ""))).build();
        }
    }

    @POST
    @Path("logout")
    public Response logout() {
        // Open pages of this account restart their live streams: this browser's can no longer,
        // as its session row is gone before they are told to.
        Optional<CurrentUser.SignedIn> user = current.user();
        sessions.signOut();
        user.ifPresent(u -> accounts.signedOut(u.id()));
        return Flash.redirect("/papers", "You are signed out.");
    }

    /** Ends every session of the account, this one included, on every instance. */
    @POST
    @Path("account/sign-out-everywhere")
    public Response signOutEverywhere() {
        accounts.signOutEverywhere(current.require().id());
        sessions.signOut();
        return Flash.redirect("/login", "You are signed out on every device.");
    }

    @GET
    @Path("account")
    public TemplateInstance profile() {
        return Templates.profile(accounts.profile(current.require().id()), Map.of());
    }

    @POST
    @Path("account")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateProfile(@RestForm String displayName, @RestForm String email) {
        long id = current.require().id();
        try {
            accounts.updateProfile(id, displayName, email);
            return Flash.redirect("/account", "Your profile is saved.");
        } catch (InvalidFormException e) {
            return Response.status(400).entity(Templates.profile(accounts.profile(id), e.byField())).build();
        }
    }

    @POST
    @Path("account/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword) {
        long id = current.require().id();
        try {
            sessions.signIn(accounts.changePassword(id, currentPassword, newPassword));
            return Flash.redirect("/account", "Your password is changed. Other devices have been signed out.");
        } catch (InvalidFormException e) {
            return Response.status(400).entity(Templates.profile(accounts.profile(id), e.byField())).build();
        }
    }
}
