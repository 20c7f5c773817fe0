package app.marginalia.web.system;

import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Notification;
import app.marginalia.persistence.paper.PaperProposal;
import app.marginalia.persistence.paper.PaperRevision;
import app.marginalia.web.TestLibrary;
import app.marginalia.web.Visitor;
import app.marginalia.web.group.GroupFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of the application, taken from the application's own resource classes, times
 * every kind of visitor, with the status each must get. A route missing from the table fails
 * the test, so no new route escapes the matrix.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Persona { ANONYMOUS, OUTSIDER, MEMBER, MODERATOR, OWNER, ADMIN }

    private static final int OK = 200, CREATED = 201, NO_CONTENT = 204, SEE_OTHER = 303, BAD = 400,
            UNAUTHORIZED = 401, FORBIDDEN = 403, NOT_FOUND = 404, UNSUPPORTED = 415, UNPROCESSABLE = 422;

    /** Expected statuses in Persona order: anonymous, outsider, member, moderator, owner, admin. */
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        expect("GET /", SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER);
        // The library is public, like a preprint server; adding to it needs an account.
        expect("GET /papers", OK, OK, OK, OK, OK, OK);
        expect("GET /papers/{id}", OK, OK, OK, OK, OK, OK);
        expect("GET /papers/new", SEE_OTHER, OK, OK, OK, OK, OK);
        expect("POST /papers", SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER);
        expect("POST /papers/{id}/propose", SEE_OTHER, NOT_FOUND, SEE_OTHER, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        expect("POST /papers/{id}/seen", SEE_OTHER, NOT_FOUND, SEE_OTHER, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        // Changing a paper others discuss (this one has the scene group's notes): administrators edit it; everyone
        // else signed in gets the same form to propose a change, and a direct edit is refused. The paper is public,
        // so refusing says 403, not 404. A group role is no right over the shared library.
        expect("GET /papers/{id}/edit", SEE_OTHER, OK, OK, OK, OK, OK);
        expect("POST /papers/{id}/edit", SEE_OTHER, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, SEE_OTHER);
        expect("POST /papers/{id}/proposals", SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER);
        expect("GET /papers/{id}/history", OK, OK, OK, OK, OK, OK);
        // PDF papers: the matrix's paper is a seed paper without a PDF, so its pages and file are 404 for everyone;
        // a group reads it, so only an administrator attaches a PDF directly; everyone else signed in proposes one.
        expect("GET /papers/{id}/pages", NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND);
        expect("GET /papers/{id}/pages/{sha}/{page}-{width}.png", NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND,
                NOT_FOUND);
        expect("GET /papers/{id}/pdf", NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND);
        // Everyone else signed in gets the same upload form to propose the PDF with a reason, for review.
        expect("GET /papers/{id}/pdf/new", SEE_OTHER, OK, OK, OK, OK, OK);
        // Uploads are multipart: the matrix's urlencoded form is refused as such (415) before anything else;
        // who may upload and attach is PdfUploadTest's and PdfPaperTest's.
        expect("POST /papers/{id}/pdf", UNSUPPORTED, UNSUPPORTED, UNSUPPORTED, UNSUPPORTED, UNSUPPORTED, UNSUPPORTED);
        expect("GET /papers/new/pdf", SEE_OTHER, OK, OK, OK, OK, OK);
        expect("POST /papers/new/pdf", UNSUPPORTED, UNSUPPORTED, UNSUPPORTED, UNSUPPORTED, UNSUPPORTED, UNSUPPORTED);
        expect("POST /papers/new/pdf/confirm", SEE_OTHER, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND);
        // Imports (arXiv, DOI, BibTeX) are for signed-in members; an empty form is bad input.
        expect("GET /papers/import", SEE_OTHER, OK, OK, OK, OK, OK);
        expect("POST /papers/import/arxiv", SEE_OTHER, BAD, BAD, BAD, BAD, BAD);
        expect("POST /papers/import/doi", SEE_OTHER, BAD, BAD, BAD, BAD, BAD);
        expect("POST /papers/import/bibtex", SEE_OTHER, BAD, BAD, BAD, BAD, BAD);
        expect("POST /papers/import/merge", SEE_OTHER, BAD, BAD, BAD, BAD, BAD);
        expect("POST /papers/import/full/{paperId}", SEE_OTHER, BAD, BAD, BAD, BAD, BAD);
        // Reviewing proposals and reverting changes is administration: invisible to everyone else.
        expect("GET /admin/library/proposals", SEE_OTHER, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK);
        // The PDF a pending proposal attaches: administrators only (the matrix's proposal carries no file: 404).
        expect("GET /admin/library/proposals/{proposalId}/pdf", SEE_OTHER, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND,
                NOT_FOUND);
        expect("POST /admin/library/proposals/{proposalId}/accept", SEE_OTHER, NOT_FOUND, NOT_FOUND, NOT_FOUND,
                NOT_FOUND, SEE_OTHER);
        expect("POST /admin/library/proposals/{proposalId}/reject", SEE_OTHER, NOT_FOUND, NOT_FOUND, NOT_FOUND,
                NOT_FOUND, SEE_OTHER);
        expect("POST /admin/library/papers/{paperId}/revisions/{revisionId}/revert", SEE_OTHER, NOT_FOUND, NOT_FOUND,
                NOT_FOUND, NOT_FOUND, SEE_OTHER);
        expect("GET /api/papers", OK, OK, OK, OK, OK, OK);
        expect("GET /api/papers/{id}", OK, OK, OK, OK, OK, OK);
        // Accounts.
        expect("GET /register", OK, OK, OK, OK, OK, OK);
        expect("POST /register", SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER);
        expect("GET /login", OK, OK, OK, OK, OK, OK);
        expect("POST /login", SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER);
        expect("POST /logout", SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER);
        expect("GET /account", SEE_OTHER, OK, OK, OK, OK, OK);
        expect("POST /account", SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER);
        expect("POST /account/password", SEE_OTHER, BAD, BAD, BAD, BAD, BAD);
        expect("POST /account/sign-out-everywhere", SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER);
        // Administration is invisible to everyone but administrators.
        expect("GET /admin", SEE_OTHER, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK);
        expect("POST /admin/seed-import", SEE_OTHER, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, SEE_OTHER);
        expect("POST /admin/search-index", SEE_OTHER, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, SEE_OTHER);
        expect("POST /admin/accounts/{accountId}/disable", SEE_OTHER, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND,
                SEE_OTHER);
        expect("POST /admin/accounts/{accountId}/enable", SEE_OTHER, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, SEE_OTHER);
        // Search is public like the library; what it returns is filtered per person.
        expect("GET /search", OK, OK, OK, OK, OK, OK);
        expect("GET /api/search", OK, OK, OK, OK, OK, OK);
        // Groups: private; outsiders and the administrator get 404, members what their role allows.
        expect("GET /groups", SEE_OTHER, OK, OK, OK, OK, OK);
        expect("GET /groups/new", SEE_OTHER, OK, OK, OK, OK, OK);
        expect("POST /groups", SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER);
        expect("GET /groups/{id}", SEE_OTHER, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        expect("GET /groups/{id}/members", SEE_OTHER, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        expect("GET /groups/{id}/settings", SEE_OTHER, NOT_FOUND, FORBIDDEN, OK, OK, NOT_FOUND);
        expect("POST /groups/{id}/settings", SEE_OTHER, NOT_FOUND, FORBIDDEN, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        expect("POST /groups/{id}/delete", SEE_OTHER, NOT_FOUND, FORBIDDEN, FORBIDDEN, SEE_OTHER, NOT_FOUND);
        expect("POST /groups/{id}/invitations", SEE_OTHER, NOT_FOUND, FORBIDDEN, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        expect("POST /groups/{id}/invitations/{invitationId}/revoke", SEE_OTHER, NOT_FOUND, FORBIDDEN, SEE_OTHER,
                SEE_OTHER, NOT_FOUND);
        expect("POST /groups/{id}/members/{accountId}/role", SEE_OTHER, NOT_FOUND, FORBIDDEN, FORBIDDEN, SEE_OTHER,
                NOT_FOUND);
        expect("POST /groups/{id}/members/{accountId}/remove", SEE_OTHER, NOT_FOUND, FORBIDDEN, SEE_OTHER, SEE_OTHER,
                NOT_FOUND);
        expect("POST /groups/{id}/transfer", SEE_OTHER, NOT_FOUND, FORBIDDEN, FORBIDDEN, SEE_OTHER, NOT_FOUND);
        expect("POST /groups/{id}/leave", SEE_OTHER, NOT_FOUND, SEE_OTHER, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        expect("POST /groups/{id}/list", SEE_OTHER, NOT_FOUND, SEE_OTHER, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        expect("POST /groups/{id}/list/{entryId}/status", SEE_OTHER, NOT_FOUND, FORBIDDEN, SEE_OTHER, SEE_OTHER,
                NOT_FOUND);
        expect("POST /groups/{id}/list/{entryId}/meeting", SEE_OTHER, NOT_FOUND, FORBIDDEN, SEE_OTHER, SEE_OTHER,
                NOT_FOUND);
        expect("POST /groups/{id}/list/{entryId}/vote", SEE_OTHER, NOT_FOUND, SEE_OTHER, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        expect("POST /groups/{id}/list/{entryId}/remove", SEE_OTHER, NOT_FOUND, FORBIDDEN, SEE_OTHER, SEE_OTHER,
                NOT_FOUND);
        // Notes: the group's discussion is its members'; editing is the author's (the owner wrote the note),
        // deleting, resolving and marking the answer also a moderator's. Pages redirect, the API answers.
        expect("POST /papers/{id}/annotations", SEE_OTHER, NOT_FOUND, SEE_OTHER, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        expect("GET /annotations/{id}", SEE_OTHER, NOT_FOUND, SEE_OTHER, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        expect("GET /annotations/{id}/history", SEE_OTHER, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        expect("POST /annotations/{id}/replies", SEE_OTHER, NOT_FOUND, SEE_OTHER, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        expect("POST /annotations/{id}/edit", SEE_OTHER, NOT_FOUND, FORBIDDEN, FORBIDDEN, SEE_OTHER, NOT_FOUND);
        expect("POST /annotations/{id}/delete", SEE_OTHER, NOT_FOUND, FORBIDDEN, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        expect("POST /annotations/{id}/react", SEE_OTHER, NOT_FOUND, SEE_OTHER, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        expect("POST /annotations/{id}/answer", SEE_OTHER, NOT_FOUND, FORBIDDEN, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        expect("POST /annotations/{id}/resolve", SEE_OTHER, NOT_FOUND, FORBIDDEN, SEE_OTHER, SEE_OTHER, NOT_FOUND);
        // Only a private note can be shared; this one already belongs to the group.
        expect("POST /annotations/{id}/share", SEE_OTHER, NOT_FOUND, UNPROCESSABLE, UNPROCESSABLE, UNPROCESSABLE,
                NOT_FOUND);
        // Discussion tracking: the group's, so its members'; recording the conclusion is a moderator's.
        expect("GET /groups/{id}/activity", SEE_OTHER, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        expect("GET /groups/{id}/digest", SEE_OTHER, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        expect("GET /groups/{id}/papers/{paperId}/agenda", SEE_OTHER, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        expect("GET /groups/{id}/papers/{paperId}/minutes", SEE_OTHER, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        expect("POST /groups/{id}/papers/{paperId}/conclusion", SEE_OTHER, NOT_FOUND, FORBIDDEN, SEE_OTHER, SEE_OTHER,
                NOT_FOUND);
        expect("GET /api/groups/{id}/papers", UNAUTHORIZED, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        expect("GET /api/groups/{id}/activity", UNAUTHORIZED, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        expect("POST /api/papers/{id}/seen", UNAUTHORIZED, NOT_FOUND, NO_CONTENT, NO_CONTENT, NO_CONTENT, NOT_FOUND);
        expect("GET /annotations/{id}/thread", SEE_OTHER, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        expect("GET /annotations/{id}/actions", SEE_OTHER, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        // Live events: everyone signed in has a stream; what reaches it is filtered per person.
        expect("GET /api/events", UNAUTHORIZED, OK, OK, OK, OK, OK);
        // Notifications are their recipient's: the owner's (a reply to the owner's question) is nobody else's.
        expect("GET /notifications", SEE_OTHER, OK, OK, OK, OK, OK);
        expect("POST /notifications/{id}/read", SEE_OTHER, NOT_FOUND, NOT_FOUND, NOT_FOUND, SEE_OTHER, NOT_FOUND);
        expect("POST /notifications/read", SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER);
        expect("GET /api/notifications", UNAUTHORIZED, OK, OK, OK, OK, OK);
        expect("GET /api/notifications/unread", UNAUTHORIZED, OK, OK, OK, OK, OK);
        expect("POST /api/notifications/{id}/read", UNAUTHORIZED, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND);
        expect("POST /api/notifications/read", UNAUTHORIZED, OK, OK, OK, OK, OK);
        expect("GET /api/papers/{id}/annotations", UNAUTHORIZED, OK, OK, OK, OK, OK);
        expect("POST /api/papers/{id}/annotations", UNAUTHORIZED, NOT_FOUND, CREATED, CREATED, CREATED, NOT_FOUND);
        expect("GET /api/annotations/{id}", UNAUTHORIZED, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        expect("PUT /api/annotations/{id}", UNAUTHORIZED, NOT_FOUND, FORBIDDEN, FORBIDDEN, OK, NOT_FOUND);
        expect("DELETE /api/annotations/{id}", UNAUTHORIZED, NOT_FOUND, FORBIDDEN, NO_CONTENT, NO_CONTENT, NOT_FOUND);
        expect("POST /api/annotations/{id}/replies", UNAUTHORIZED, NOT_FOUND, CREATED, CREATED, CREATED, NOT_FOUND);
        expect("POST /api/annotations/{id}/reactions", UNAUTHORIZED, NOT_FOUND, OK, OK, OK, NOT_FOUND);
        expect("POST /api/annotations/{id}/answer", UNAUTHORIZED, NOT_FOUND, FORBIDDEN, OK, OK, NOT_FOUND);
        expect("POST /api/annotations/{id}/resolve", UNAUTHORIZED, NOT_FOUND, FORBIDDEN, OK, OK, NOT_FOUND);
        // Only a detached note can be re-attached; this one is on its passage.
        expect("POST /api/annotations/{id}/anchor", UNAUTHORIZED, NOT_FOUND, UNPROCESSABLE, UNPROCESSABLE, UNPROCESSABLE,
                NOT_FOUND);
        // Invitations: the link is the credential; joining needs an account.
        expect("GET /invite/{token}", OK, OK, OK, OK, OK, OK);
        expect("POST /invite/{token}", SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER, SEE_OTHER);
    }

    /** Signing in or out ends the session the request came with. */
    private static final Set<String> ENDS_SESSION = Set.of("POST /login", "POST /register", "POST /logout",
            "POST /account/sign-out-everywhere");

    private static void expect(String route, int... statuses) {
        EXPECTED.put(route, statuses);
    }

    /** Form fields each state-changing route is sent with: valid input, so only permission decides. */
    private static String[] fields(String route, Scene scene, Persona persona) {
        return switch (route) {
            case "POST /papers" -> new String[]{"title", "Matrix paper " + System.nanoTime(),
                    "abstractText", "A paper added by the authorization matrix " + System.nanoTime(), "confirmDuplicate", "true"};
            case "POST /papers/{id}/propose" -> new String[]{"groupId", scene.groupId};
            case "POST /papers/{id}/seen" -> new String[]{"groupId", scene.groupId};
            case "POST /register" -> new String[]{"displayName", "Matrix", "username", "matrix-" + System.nanoTime() % 10000000,
                    "email", "matrix" + System.nanoTime() + "@example.org", "password", Visitor.PASSWORD};
            case "POST /login" -> new String[]{"username", persona == Persona.ANONYMOUS ? scene.world.outsider.username
                    : scene.world.visitor(persona).username, "password", Visitor.PASSWORD};
            case "POST /account" -> new String[]{"displayName", "Same Name", "email",
                    (persona == Persona.ANONYMOUS ? "x" : scene.world.visitor(persona).username) + "@example.org"};
            case "POST /account/password" -> new String[]{"currentPassword", "wrong password", "newPassword", "irrelevant-123"};
            case "POST /groups", "POST /groups/{id}/settings" -> new String[]{"name", scene.groupName, "description", "",
                    "timeZone", "UTC"};
            case "POST /groups/{id}/delete" -> new String[]{"confirmName", scene.groupName};
            case "POST /admin/accounts/{accountId}/disable" -> new String[]{"confirm", "true"};
            case "POST /groups/{id}/invitations" -> new String[]{"days", "7"};
            case "POST /groups/{id}/members/{accountId}/role" -> new String[]{"role", "MODERATOR"};
            case "POST /groups/{id}/transfer" -> new String[]{"accountId", scene.targetId};
            case "POST /groups/{id}/list" -> new String[]{"paperId", scene.otherPaperId};
            case "POST /groups/{id}/list/{entryId}/status" -> new String[]{"status", "ARCHIVED"};
            case "POST /groups/{id}/list/{entryId}/meeting" -> new String[]{"meetingAt", "2099-05-01T18:00"};
            // The paper saved as it is, so the shared seed library does not change.
            case "POST /papers/{id}/edit" -> new String[]{"title", scene.paper.getString("paper.title"),
                    "authors", String.join("\n", scene.paper.<String>getList("paper.authors")),
                    "abstractText", scene.paper.getString("abstractText"),
                    "date", scene.paper.getString("paper.published.display"), "link", "",
                    "version", scene.paper.getString("version")};
            // One proposal per persona on the shared paper; it waits, the paper does not change.
            case "POST /papers/{id}/proposals" -> new String[]{"title", "Matrix proposal " + persona,
                    "authors", String.join("\n", scene.paper.<String>getList("paper.authors")),
                    "abstractText", scene.paper.getString("abstractText"),
                    "date", scene.paper.getString("paper.published.display"), "link", "",
                    "version", scene.paper.getString("version"), "reason", "The matrix checks who may propose."};
            case "POST /admin/library/proposals/{proposalId}/reject" -> new String[]{"decision", "Not needed."};
            case "POST /papers/{id}/annotations" -> new String[]{"groupId", scene.groupId, "motivation", "COMMENTING",
                    "body", "A matrix note"};
            case "POST /annotations/{id}/replies" -> new String[]{"body", "A matrix reply"};
            case "POST /annotations/{id}/edit" -> new String[]{"body", "Edited", "tags", "", "version", "0"};
            case "POST /annotations/{id}/react" -> new String[]{"kind", "AGREE"};
            case "POST /annotations/{id}/answer" -> new String[]{"replyId", scene.replyId};
            case "POST /annotations/{id}/resolve" -> new String[]{"resolved", "true"};
            case "POST /annotations/{id}/share" -> new String[]{"groupId", scene.groupId};
            case "POST /groups/{id}/papers/{paperId}/conclusion" -> new String[]{"conclusion", "We agreed."};
            default -> new String[0];
        };
    }

    /** JSON bodies for the API's state-changing routes, as the reader's script sends them. */
    private static Object json(String route, Scene scene) {
        return switch (route) {
            case "POST /api/papers/{id}/annotations" -> Map.of("groupId", Long.valueOf(scene.groupId),
                    "motivation", "COMMENTING", "body", "A matrix note");
            case "PUT /api/annotations/{id}" -> Map.of("body", "Edited", "version", 0);
            case "POST /api/annotations/{id}/replies" -> Map.of("body", "A matrix reply");
            case "POST /api/annotations/{id}/reactions" -> Map.of("kind", "AGREE");
            case "POST /api/annotations/{id}/answer" -> Map.of("replyId", Long.valueOf(scene.replyId));
            case "POST /api/annotations/{id}/resolve" -> Map.of("resolved", true);
            case "POST /api/annotations/{id}/anchor" -> Map.of("start", 0, "end", 5);
            case "POST /api/papers/{id}/seen" -> Map.of("groupId", Long.valueOf(scene.groupId));
            default -> null;
        };
    }

    @Inject
    BeanManager beans;

    @Test
    void shouldAnswerEveryRouteForEveryPersonaAsTheTableSays() {
        Set<String> routes = routes();
        assertEquals(new TreeSet<>(EXPECTED.keySet()), routes,
                "the matrix must list exactly the application's routes; add new routes to EXPECTED");

        World world = new World();
        Scene shared = new Scene(world);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, int[]> row : EXPECTED.entrySet()) {
            String route = row.getKey();
            boolean read = route.startsWith("GET ");
            for (Persona persona : Persona.values()) {
                Scene scene = read ? shared : new Scene(world);
                // Routes that end the browser's session run in a session of their own: sessions are
                // rows, so ending a copy of the persona's cookie would end the persona's too.
                Visitor visitor = ENDS_SESSION.contains(route) ? world.freshSession(persona) : world.visitor(persona).copy();
                String path = scene.path(route.substring(route.indexOf(' ') + 1));
                String verb = route.substring(0, route.indexOf(' '));
                int status = route.equals("GET /api/events") ? streamStatus(visitor, path)
                        : read ? visitor.get(path).statusCode()
                        : path.startsWith("/api/") ? visitor.json(verb, path, json(route, scene)).statusCode()
                        : visitor.post(path, fields(route, scene, persona)).statusCode();
                if (route.equals("POST /account/sign-out-everywhere")) {
                    world.signInAgain(persona);
                }
                int expected = row.getValue()[persona.ordinal()];
                if (status != expected) {
                    failures.add(route + " as " + persona + ": expected " + expected + ", got " + status + " (" + path + ")");
                }
            }
        }
        TestLibrary.removeAddedPapers();
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Opens the event stream, takes its status and closes it: the stream itself never ends. */
    private static int streamStatus(Visitor visitor, String path) {
        var response = visitor.events(path.substring("/api/events".length()));
        response.body().close();
        return response.statusCode();
    }

    /** Every resource method of the application, as "METHOD /path/{param}". */
    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null || !type.getPackageName().startsWith("app.marginalia")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String path = "/" + classPath.value() + (methodPath == null ? "" : "/" + methodPath.value());
                path = path.replaceAll("\\{(\\w+):[^}]*}}?", "{$1}").replaceAll("/+", "/");
                if (path.length() > 1 && path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                routes.add(verb + " " + path);
            }
        }
        assertTrue(routes.size() > 20, "found too few routes: " + routes);
        return routes;
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** The people, registered once: bcrypt makes registration the slow part. */
    static final class World {
        /** Registered first: on an empty database the first account owns the example group, which lists every paper. */
        final Visitor founder = Visitor.register("founder");
        final Visitor anonymous = Visitor.anonymous();
        Visitor outsider = Visitor.register("outsider");
        Visitor member = Visitor.register("member");
        Visitor moderator = Visitor.register("moderator");
        Visitor owner = Visitor.register("owner");
        Visitor admin = Visitor.register("admin");

        World() {
            QuarkusTransaction.requiringNew().run(() -> {
                for (Visitor v : List.of(outsider, member, moderator, owner, admin)) {
                    Account.findByUsername(v.username).orElseThrow().administrator = v == admin;
                }
            });
        }

        /** After the persona signed out everywhere: its browser signs in again. */
        void signInAgain(Persona persona) {
            Visitor again = freshSession(persona);
            switch (persona) {
                case OUTSIDER -> outsider = again;
                case MEMBER -> member = again;
                case MODERATOR -> moderator = again;
                case OWNER -> owner = again;
                case ADMIN -> admin = again;
                case ANONYMOUS -> { }
            }
        }

        /** The persona in a browser of its own, signed in anew. */
        Visitor freshSession(Persona persona) {
            return persona == Persona.ANONYMOUS ? Visitor.anonymous() : Visitor.signIn(visitor(persona).username,
                    Visitor.PASSWORD);
        }

        Visitor visitor(Persona persona) {
            return switch (persona) {
                case ANONYMOUS -> anonymous;
                case OUTSIDER -> outsider;
                case MEMBER -> member;
                case MODERATOR -> moderator;
                case OWNER -> owner;
                case ADMIN -> admin;
            };
        }
    }

    /** A fresh group: the world's roles in it, a plain member to act on, a proposed paper, an invitation. */
    static final class Scene {
        final World world;
        final String groupName = "Matrix group " + System.nanoTime();
        final String groupId;
        final String token;
        final String invitationId;
        final String targetId;
        final String entryId;
        final String paperId;
        final String otherPaperId;
        final String annotationId;
        final String replyId;
        final String notificationId;
        final io.restassured.path.json.JsonPath paper;

        Scene(World world) {
            this.world = world;
            groupId = world.owner.post("/groups", "name", groupName, "description", "", "timeZone", "UTC")
                    .then().statusCode(303).extract().header("Location").replaceAll(".*/groups/(\\d+).*", "$1");
            token = GroupFixture.newInvitation(world.owner.postAndFollow("/groups/" + groupId + "/invitations", "days", "7"));
            invitationId = GroupFixture.invitationId(world.owner, groupId, token);
            world.member.post("/invite/" + token);
            world.moderator.post("/invite/" + token);
            world.owner.post("/groups/" + groupId + "/members/" + id(world.moderator) + "/role", "role", "MODERATOR");
            Visitor extra = Visitor.register("target");
            extra.post("/invite/" + token);
            targetId = String.valueOf(id(extra));
            List<String> papers = world.owner.get("/groups/" + groupId).then().extract().htmlPath()
                    .getList("**.findAll { it.name() == 'option' && it.@value != '' }.@value");
            paperId = papers.get(0);
            otherPaperId = papers.get(1);
            world.owner.post("/groups/" + groupId + "/list", "paperId", paperId).then().statusCode(303);
            entryId = GroupFixture.entryOf(world.owner, groupId, paperId);
            annotationId = world.owner.json("POST", "/api/papers/" + paperId + "/annotations", Map.of(
                    "groupId", Long.valueOf(groupId), "motivation", "QUESTIONING", "body", "Why?"))
                    .then().statusCode(201).extract().jsonPath().getString("id");
            paper = world.owner.get("/api/papers/" + paperId).jsonPath();
            replyId = world.member.json("POST", "/api/annotations/" + annotationId + "/replies", Map.of("body", "Because."))
                    .then().statusCode(201).extract().jsonPath().getString("id");
            long reply = Long.parseLong(replyId);
            notificationId = String.valueOf(QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find(
                    "annotation.id", reply).firstResult().id));
            assertTrue(entryId.matches("\\d+") && invitationId.matches("\\d+"));
        }

        /** A paper of its own with one applied change and one pending proposal, made when a route needs them. */
        private String[] library;

        String path(String template) {
            if (template.contains("{proposalId}") || template.contains("{revisionId}")) {
                String[] l = library();
                return template.replace("{paperId}", l[0]).replace("{revisionId}", l[1]).replace("{proposalId}", l[2]);
            }
            boolean paper = template.startsWith("/papers") || template.startsWith("/api/papers");
            boolean note = template.startsWith("/annotations") || template.startsWith("/api/annotations");
            boolean inbox = template.startsWith("/notifications") || template.startsWith("/api/notifications");
            return template.replace("{id}", note ? annotationId : paper ? paperId : inbox ? notificationId : groupId)
                    .replace("{paperId}", paperId).replace("{entryId}", entryId)
                    .replace("{accountId}", targetId).replace("{invitationId}", invitationId).replace("{token}", token)
                    .replace("{sha}", "0".repeat(64)).replace("{page}", "1").replace("{width}", "1200");
        }

        /**
         * The outsider adds a paper and edits its title (nobody else depends on it, so they may); the member
         * proposes another title. A paper of its own, so reverting or accepting leaves the seed library alone.
         */
        private String[] library() {
            if (library == null) {
                String paperId = world.outsider.post("/papers", "title", "Matrix library paper " + System.nanoTime(),
                        "abstractText", "A paper the matrix changes " + System.nanoTime(), "confirmDuplicate", "true")
                        .then().statusCode(303).extract().header("Location").replaceAll(".*/papers/(\\d+).*", "$1");
                String version = world.outsider.get("/api/papers/" + paperId).jsonPath().getString("version");
                world.outsider.post("/papers/" + paperId + "/edit", "title", "Matrix library paper, corrected",
                        "abstractText", "A paper the matrix changes, corrected", "version", version)
                        .then().statusCode(303);
                version = world.outsider.get("/api/papers/" + paperId).jsonPath().getString("version");
                world.member.post("/papers/" + paperId + "/proposals", "title", "Matrix library paper, proposed",
                        "abstractText", "A paper the matrix changes, corrected", "version", version,
                        "reason", "A better title.").then().statusCode(303);
                long paper = Long.parseLong(paperId);
                library = QuarkusTransaction.requiringNew().call(() -> new String[]{paperId,
                        String.valueOf(PaperRevision.<PaperRevision>find("paper.id", paper).firstResult().id),
                        String.valueOf(PaperProposal.<PaperProposal>find("paper.id", paper).firstResult().id)});
            }
            return library;
        }

        private static long id(Visitor visitor) {
            return QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(visitor.username).orElseThrow().id);
        }
    }
}
