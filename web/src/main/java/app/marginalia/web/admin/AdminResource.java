package app.marginalia.web.admin;

import app.marginalia.web.seed.SeedImportReport;
import app.marginalia.web.system.CurrentUser;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.Flash;
import app.marginalia.web.system.InvalidFormException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** The administrator's page: accounts (disabling them), groups, and re-running the seed import. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(AdminService.Overview overview, String error);
    }

    private final AdminService admin;
    private final CurrentUser current;

    AdminResource(AdminService admin, CurrentUser current) {
        this.admin = admin;
        this.current = current;
    }

    @GET
    public TemplateInstance page() {
        return Templates.admin(admin.overview(current.require()), null);
    }

    @POST
    @Path("seed-import")
    public Response reimport() {
        SeedImportReport report = admin.reimport(current.require());
        return Flash.redirect("/admin", "Seed import finished: " + report.papersCreated() + " papers created, "
                + report.papersUpdated() + " updated, " + report.papersPresent() + " already present, "
                + report.skipped().size() + " lines or files skipped, " + report.ignored().size()
                + " files ignored by name; the full report is below.");
    }

    @POST
    @Path("accounts/{accountId}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@RestPath long accountId, @RestForm boolean confirm) {
        SignedIn user = current.require();
        try {
            String username = admin.disable(user, accountId, confirm);
            return Flash.redirect("/admin", "@" + username + " is disabled and signed out everywhere.");
        } catch (InvalidFormException e) {
            return Response.status(400).entity(Templates.admin(admin.overview(user), e.getMessage())).build();
        }
    }

    @POST
    @Path("accounts/{accountId}/enable")
    public Response enable(@RestPath long accountId) {
        String username = admin.enable(current.require(), accountId);
        return Flash.redirect("/admin", "@" + username + " can sign in again.");
    }

    @POST
    @Path("search-index")
    public Response rebuildSearch() {
        long[] counts = admin.rebuildSearch(current.require());
        return Flash.redirect("/admin", "Search index rebuilt: " + counts[0] + " papers and " + counts[1] + " notes.");
    }
}
