package app.marginalia.web.system;

import app.marginalia.web.Visitor;
import app.marginalia.web.annotation.Discussion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random and malformed requests across the JSON API and the forms, sent by a signed-in member
 * with a valid CSRF token: whatever arrives, the answer is a 4xx (or a success), never a 5xx.
 * Bounded and seeded: 1,500 requests (or {@code -Dfuzz.requests}) from
 * {@code -Dfuzz.seed} (a fixed seed by default, so a failure reproduces); the seed is
 * printed, and every failing request too.
 */
@QuarkusTest
class FuzzTest {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 1_500);
    private static final long DEFAULT_SEED = 20_261_202L;

    /** Routes a member can reach; {g} {p} {a} {r} {e} {n} stand for ids, known or random. */
    private static final List<String> ROUTES = List.of(
            "GET /api/annotations/{a}", "PUT /api/annotations/{a}", "DELETE /api/annotations/{r}",
            "POST /api/annotations/{a}/replies", "POST /api/annotations/{a}/reactions", "POST /api/annotations/{a}/answer",
            "POST /api/annotations/{a}/resolve", "POST /api/annotations/{a}/anchor",
            "GET /annotations/{a}", "POST /annotations/{a}/replies", "POST /annotations/{a}/edit",
            "POST /annotations/{r}/delete", "POST /annotations/{a}/react", "POST /annotations/{a}/answer",
            "POST /annotations/{a}/resolve", "POST /annotations/{a}/share", "GET /annotations/{a}/thread",
            "GET /annotations/{a}/history",
            "GET /api/papers", "GET /api/papers/{p}", "GET /api/papers/{p}/annotations", "POST /api/papers/{p}/annotations",
            "POST /api/papers/{p}/seen", "GET /papers", "GET /papers/{p}", "POST /papers/{p}/propose",
            "POST /papers/{p}/annotations", "GET /papers/{p}/edit", "GET /papers/new",
            "GET /groups", "GET /groups/new", "GET /groups/{g}", "GET /groups/{g}/members", "GET /groups/{g}/settings",
            "POST /groups/{g}/settings", "POST /groups/{g}/invitations", "POST /groups/{g}/list",
            "POST /groups/{g}/list/{e}/status", "POST /groups/{g}/list/{e}/meeting", "POST /groups/{g}/list/{e}/vote",
            "POST /groups/{g}/list/{e}/remove", "GET /groups/{g}/activity", "GET /groups/{g}/digest",
            "GET /groups/{g}/papers/{p}/agenda", "GET /groups/{g}/papers/{p}/minutes",
            "POST /groups/{g}/papers/{p}/conclusion", "POST /groups", "POST /groups/{g}/members/{n}/role",
            "GET /api/groups/{g}/papers", "GET /api/groups/{g}/activity",
            "GET /search", "GET /api/search",
            "GET /notifications", "POST /notifications/{n}/read", "POST /notifications/read",
            "GET /api/notifications", "GET /api/notifications/unread", "POST /api/notifications/{n}/read",
            "POST /api/notifications/read", "GET /account", "GET /");

    private static final List<String> FIELDS = List.of("body", "tags", "version", "kind", "given", "replyId", "resolved",
            "groupId", "motivation", "start", "end", "exact", "prefix", "suffix", "requestKey", "paperId", "status",
            "meetingAt", "conclusion", "name", "description", "timeZone", "days", "role", "cast", "q", "sort", "group",
            "page", "is", "from", "to", "paper", "member", "title", "authors", "link", "fullText", "abstractText");

    private final Map<String, List<Long>> known = new LinkedHashMap<>();
    private Random random;

    @Test
    void shouldAnswerEveryMalformedOrRandomRequestWithoutAServerError() {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        System.out.println("FuzzTest seed: " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        random = new Random(seed);
        Discussion d = new Discussion();
        Visitor member = d.g.member;
        long note = d.create(member, d.passage(0, 20, "QUESTIONING", "A question to fuzz"));
        long reply = d.reply(member, note, "A reply to fuzz");
        String entry = d.g.propose(d.g.moderator);
        known.put("g", List.of(Long.valueOf(d.g.id)));
        known.put("p", List.of(Long.valueOf(d.paperId)));
        known.put("a", List.of(note, reply));
        known.put("r", List.of(reply));
        known.put("e", List.of(Long.valueOf(entry)));
        known.put("n", List.of(app.marginalia.web.group.GroupFixture.accountId(member)));

        List<String> failures = new ArrayList<>();
        int closedEarly = 0;
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            String route = ROUTES.get(random.nextInt(ROUTES.size()));
            String method = route.substring(0, route.indexOf(' '));
            String path = path(route.substring(route.indexOf(' ') + 1)) + query();
            String description = method + " " + path;
            RequestSpecification spec = member.request().urlEncodingEnabled(false).header("Origin", Visitor.origin())
                    .header("X-CSRF-Token", member.csrf());
            if (random.nextInt(10) == 0) {
                String key = random.nextBoolean() ? java.util.UUID.randomUUID().toString() : text();
                spec.header("Idempotency-Key", ascii(key));
                description += " [Idempotency-Key " + ascii(key) + "]";
            }
            if (!method.equals("GET")) {
                String[] body = random.nextBoolean() ? plausible(path.startsWith("/api/"), member.csrf())
                        : path.startsWith("/api/") ? jsonBody() : formBody(member.csrf());
                if (body[0].startsWith("multipart")) {
                    spec.contentType(body[0]).body(body[1].getBytes(StandardCharsets.UTF_8));
                } else {
                    spec.contentType(body[0] + "; charset=UTF-8").body(body[1]);
                }
                description += " [" + body[0] + "] " + abbreviate(body[1]);
            }
            Response response;
            try {
                response = spec.accept(random.nextBoolean() ? "application/json" : "text/html").request(method, path);
            } catch (Exception e) {
                // Groovy throws the socket's checked exception unchecked: the server answered
                // (a 4xx for a path that matches no route) and closed before the body was sent.
                if (!(e instanceof java.net.SocketException)) {
                    failures.add(description + " -> the client failed: " + e);
                }
                closedEarly++;
                continue;
            }
            if (response.statusCode() >= 500) {
                failures.add(description + " -> " + response.statusCode() + " " + abbreviate(response.asString()));
            }
        }
        System.out.printf("FuzzTest: %d requests in %d ms, %d server errors, %d closed before the body was sent%n",
                REQUESTS, (System.nanoTime() - started) / 1_000_000, failures.size(), closedEarly);
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("FuzzTest failure: " + f));
            fail(failures.size() + " requests answered 5xx (seed " + seed + "), the first:\n"
                    + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        }
    }

    /** A route's path with each placeholder replaced by a known id, an odd number, or a broken segment. */
    private String path(String template) {
        StringBuilder out = new StringBuilder();
        for (String part : template.split("/", -1)) {
            if (part.startsWith("{")) {
                String kind = part.substring(1, part.length() - 1);
                int dice = random.nextInt(10);
                if (dice < 6) {
                    List<Long> ids = known.get(kind);
                    out.append(ids.get(random.nextInt(ids.size())));
                } else if (dice < 9) {
                    out.append(pick("0", "1", "999999999999999999", "123456789012345678", String.valueOf(random.nextInt(100_000))));
                } else {
                    out.append(pick("-1", "abc", "1e5", "99999999999999999999", "%00", "%F0%9F%98%80", "1.5", ""));
                }
            } else {
                out.append(part);
            }
            out.append('/');
        }
        return out.substring(0, out.length() - 1);
    }

    private String query() {
        if (random.nextInt(3) != 0) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (int i = random.nextInt(4); i >= 0; i--) {
            query.append(FIELDS.get(random.nextInt(FIELDS.size()))).append('=').append(encode(scalar())).append('&');
        }
        return query.substring(0, query.length() - 1);
    }

    /** A JSON body: usually an object of known fields with values of any type, sometimes not JSON at all. */
    private String[] jsonBody() {
        int dice = random.nextInt(20);
        if (dice == 0) {
            return new String[]{"text/plain", text()};
        }
        if (dice == 1) {
            return new String[]{"application/x-www-form-urlencoded", "body=" + encode(text())};
        }
        if (dice < 5) {
            return new String[]{"application/json", pick("", "{", "[]", "null", "\"text\"", "{\"body\":", "{}}",
                    "{\"start\":1,\"start\":2}", "[{}]", "{\"body\":\"\\ud800\"}", "{\"tags\":[[[[[]]]]]}", "12", "\u0000",
                    "{\"version\":" + "9".repeat(400) + "}")};
        }
        StringBuilder json = new StringBuilder("{");
        for (int i = random.nextInt(6); i >= 0; i--) {
            json.append(quote(FIELDS.get(random.nextInt(FIELDS.size())))).append(':').append(jsonValue(0)).append(',');
        }
        json.setLength(json.length() - 1);
        return new String[]{"application/json", json.append('}').toString()};
    }

    private String jsonValue(int depth) {
        return switch (random.nextInt(depth > 1 ? 6 : 8)) {
            case 0 -> pick("0", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
                    "9223372036854775808", "1e308", "-1e309", "0.5", "-0", "1E2", String.valueOf(random.nextLong()));
            case 1 -> pick("true", "false", "null");
            case 2, 3, 4 -> quote(scalar());
            case 5 -> String.valueOf(random.nextInt(200) - 50);
            case 6 -> "[" + jsonValue(depth + 1) + "," + jsonValue(depth + 1) + "]";
            default -> "{" + quote(FIELDS.get(random.nextInt(FIELDS.size()))) + ":" + jsonValue(depth + 1) + "}";
        };
    }

    /**
     * A body a real client could nearly have sent: every field a route reads, each with a value
     * of roughly the right kind but at its edges (offsets past the text, start after end, stale
     * versions, unknown kinds), as JSON or as a form.
     */
    private String[] plausible(boolean json, String csrf) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : List.of("groupId", "motivation", "start", "end", "exact", "body", "tags", "version", "kind",
                "given", "replyId", "resolved", "cast", "status", "meetingAt", "paperId", "role", "days", "conclusion")) {
            if (random.nextInt(4) != 0) {
                fields.put(name, switch (name) {
                    case "groupId", "paperId", "replyId" -> random.nextBoolean()
                            ? String.valueOf(known.get(name.equals("groupId") ? "g" : name.equals("paperId") ? "p" : "r").get(0))
                            : pick("0", "-1", "999999999999999999");
                    case "start", "end", "version", "days" -> pick("0", "1", "-1", "5", "20", "19", "100000", "2147483647",
                            "-2147483648", String.valueOf(random.nextInt(60)));
                    case "motivation" -> pick("COMMENTING", "QUESTIONING", "HIGHLIGHTING", "REPLYING", "nonsense");
                    case "kind" -> pick("AGREE", "INSIGHTFUL", "CONFUSED", "LOVE");
                    case "given", "resolved", "cast" -> pick("true", "false", "maybe");
                    case "status" -> pick("PROPOSED", "SCHEDULED", "READING", "DISCUSSED", "DONE");
                    case "role" -> pick("OWNER", "MODERATOR", "MEMBER", "ADMIN");
                    case "meetingAt" -> pick("2099-03-05T18:30", "1970-01-01T00:00", "2099-02-30T10:00", "soon");
                    case "tags" -> pick("a, b", "", "#x " + "t".repeat(60));
                    default -> text();
                });
            }
        }
        if (!json) {
            StringBuilder form = new StringBuilder("_csrf=" + encode(csrf));
            fields.forEach((k, v) -> form.append('&').append(k).append('=').append(encode(v)));
            return new String[]{"application/x-www-form-urlencoded", form.toString()};
        }
        StringBuilder out = new StringBuilder("{");
        fields.forEach((k, v) -> out.append(quote(k)).append(':').append(
                v.matches("-?\\d+|true|false") && !k.equals("body") ? v : k.equals("tags") ? "[" + quote(v) + "]" : quote(v))
                .append(','));
        if (out.length() > 1) {
            out.setLength(out.length() - 1);
        }
        return new String[]{"application/json", out.append('}').toString()};
    }

    /** A form body with the CSRF token and random fields, repeated fields and odd encodings included. */
    private String[] formBody(String csrf) {
        StringBuilder form = new StringBuilder("_csrf=" + encode(csrf));
        for (int i = random.nextInt(7); i >= 0; i--) {
            form.append('&').append(FIELDS.get(random.nextInt(FIELDS.size()))).append('=').append(encode(scalar()));
        }
        if (random.nextInt(15) == 0) {
            form.append(pick("&%", "&body=%E0%A4%A", "&=", "&&&", "&body"));
        }
        return new String[]{random.nextInt(25) == 0 ? "multipart/form-data" : "application/x-www-form-urlencoded",
                form.toString()};
    }

    private String scalar() {
        return switch (random.nextInt(6)) {
            case 0 -> pick("0", "-1", "2147483648", "-9223372036854775809", "99999999999999999999999", "1e3", "NaN",
                    "Infinity", "0x10", "+5", " 7 ", "007", "1.0");
            case 1 -> pick("true", "false", "TRUE", "yes", "", " ", "null", "undefined");
            case 2 -> pick("COMMENTING", "QUESTIONING", "HIGHLIGHTING", "REPLYING", "AGREE", "agree", "LOVE", "PROPOSED",
                    "READING", "DISCUSSED", "SCHEDULED", "OWNER", "MODERATOR", "MEMBER", "title", "date", "notes",
                    "questions", "Europe/Berlin", "Mars/Olympus", "2099-03-05T18:30", "2099-13-45T25:61", "0000-01-01",
                    "-999999999-01-01T00:00");
            default -> text();
        };
    }

    /** Text with the oddities people and attackers type: controls, surrogates, RTL, emoji, markup, length. */
    private String text() {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "\u0000\u0001\u001f\u007f";
            case 2 -> "\ud800 lone surrogate \udfff";
            case 3 -> "\u202e\u200f\u200b\ufeff rtl \u0645\u0631\u062d\u0628\u0627";
            case 4 -> "😀🙂\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 e\u0301\u0300\u0327";
            case 5 -> "<script>alert(1)</script><img src=x onerror=alert(2)>";
            case 6 -> "x".repeat(random.nextInt(10) == 0 ? 70_000 : 10_001);
            case 7 -> "%s %n %d {0} ${x} #{y} {#if}{/if}";
            case 8 -> "a\r\nb\rc\nd\te";
            case 9 -> "'; DROP TABLE annotation; --";
            case 10 -> "../../etc/passwd";
            default -> "word" + random.nextInt(1000);
        };
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Percent-encodes as a browser would; a lone surrogate becomes '?', as UTF-8 encoding does. */
    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String ascii(String s) {
        return s.chars().filter(c -> c >= 0x20 && c < 0x7f).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }
}
