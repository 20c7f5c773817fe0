package app.marginalia.web;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * One person's browser, for REST Assured: it keeps its cookies, reads the CSRF token from the
 * pages it loads, and sends forms the way a browser does (same-site Origin, token included).
 */
public final class Visitor {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Map<String, String> cookies = new HashMap<>();
    private String csrf;
    public String username;

    private Visitor() {
    }

    public static Visitor anonymous() {
        Visitor visitor = new Visitor();
        visitor.get("/login");
        return visitor;
    }

    /** A new account with a unique username starting with {@code name}, signed in. */
    public static Visitor register(String name) {
        Visitor visitor = anonymous();
        String username = (name + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000).toLowerCase();
        Response response = visitor.post("/register", "displayName", capitalise(name), "username", username,
                "email", username + "@example.org", "password", PASSWORD);
        if (response.statusCode() != 303) {
            throw new AssertionError("registration failed: " + response.statusCode() + "\n" + response.asString());
        }
        visitor.username = username;
        visitor.get("/groups");
        return visitor;
    }

    public static Visitor signIn(String username, String password) {
        Visitor visitor = anonymous();
        visitor.post("/login", "username", username, "password", password);
        visitor.username = username;
        visitor.get("/papers");
        return visitor;
    }

    /** The same browser, forked: for requests that would change this visitor's own session. */
    public Visitor copy() {
        Visitor copy = new Visitor();
        copy.cookies.putAll(cookies);
        copy.csrf = csrf;
        copy.username = username;
        return copy;
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    public Response get(String path) {
        return remember(request().get(path));
    }

    /** A GET with extra headers (If-None-Match, Accept-Encoding), remembering cookies as a browser does. */
    public Response get(String path, Map<String, String> headers) {
        return remember(request().headers(headers).get(path));
    }

    /** Loads a page and parses it, for reading it with CSS selectors. */
    public Document html(String path) {
        return html(get(path));
    }

    /** A response's body parsed as HTML, its links resolved against this site. */
    public static Document html(Response response) {
        return Jsoup.parse(response.asString(), origin());
    }

    /** A form post from a page of this site: Origin set, CSRF token added. */
    public Response post(String path, String... fields) {
        RequestSpecification spec = request().header("Origin", origin())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            spec.formParam(fields[i], fields[i + 1]);
        }
        return remember(spec.post(path));
    }

    /** A JSON call from the page's own script: same-site Origin and the CSRF header. */
    public Response json(String method, String path, Object body) {
        RequestSpecification spec = request().header("Origin", origin()).header("X-CSRF-Token", csrf)
                .accept("application/json");
        if (body != null) {
            spec.contentType("application/json").body(body);
        }
        return spec.request(method, path);
    }

    /** Posts a form and loads the page it redirects to, as a browser does. */
    public Response postAndFollow(String path, String... fields) {
        Response response = post(path, fields);
        if (response.statusCode() != 303) {
            throw new AssertionError(path + " answered " + response.statusCode() + ", not a redirect:\n" + response.asString());
        }
        // An absolute Location names the instance's configured public address (marginalia.base-url),
        // which the proxy in front of it forwards here: follow its path on this test instance.
        java.net.URI location = java.net.URI.create(response.header("Location"));
        return get(location.isAbsolute()
                ? location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery())
                : location.toString());
    }

    /**
     * Opens the live event stream as this visitor's browser would; the caller reads its lines
     * and closes it. {@code status()} of the response tells whether it opened.
     */
    public java.net.http.HttpResponse<java.util.stream.Stream<String>> events(String query) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(origin() + "/api/events" + query)).header("Accept", "text/event-stream");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofLines());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("could not open the event stream", e);
        }
    }

    public String csrf() {
        return csrf;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public static String origin() {
        return "http://localhost:" + Integer.getInteger("quarkus.http.test-port", 8081);
    }

    private Response remember(Response response) {
        for (Cookie cookie : response.getDetailedCookies()) {
            if (cookie.getValue() == null || cookie.getValue().isEmpty() || cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        String type = response.contentType();
        if (type != null && type.contains("html")) {
            Element meta = Jsoup.parse(response.asString()).selectFirst("head meta[name=csrf-token]");
            if (meta != null) {
                csrf = meta.attr("content");
            }
        }
        return response;
    }

    private static String capitalise(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
