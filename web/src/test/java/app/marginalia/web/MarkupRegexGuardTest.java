package app.marginalia.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps tests from reading pages with regular expressions again: they read them with jsoup or
 * the JSON API. It lexes the test sources (so code inside string literals, such as a script
 * for the browser, is not mistaken for a call) and looks at the string literals given as the
 * pattern to {@code Pattern.compile}, {@code String.matches/replaceAll/replaceFirst/split} and
 * Hamcrest's {@code matchesPattern}: a pattern that spells a tag ({@code <h1}, {@code </a},
 * {@code <[a-z]}) or an attribute ({@code href="}) reads markup. Patterns over addresses, ids
 * and plain text pass. It cannot see a pattern held in a variable, nor one without markup in it
 * (such as {@code ".*(\\d+)/revoke.*"} run over a whole page); review still has to catch those.
 */
class MarkupRegexGuardTest {

    private static final Set<String> STRING_METHODS = Set.of("matches", "replaceAll", "replaceFirst", "split");
    private static final Set<String> MATCHERS = Set.of("matchesPattern", "matchesRegex", "containsPattern");
    /** A tag opening or closing, or a class of tag names such as {@code <[a-z]}; not a named group {@code (?<name>}. */
    private static final String TAG = "(?<!\\(\\?)<[A-Za-z/!\\[]";
    /** An attribute with a quoted value, {@code href="}. */
    private static final String ATTRIBUTE = "[A-Za-z-]=\\\\?\"";
    // Held in constants: the guard's own pattern spells what it looks for.
    private static final Pattern MARKUP = Pattern.compile(TAG + "|" + ATTRIBUTE);

    @Test
    void shouldFindNoTestThatReadsMarkupWithARegularExpression() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/java"), Path.of("../core/src/test/java"),
                Path.of("../persistence/src/test/java"))) {
            assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is not there: run from the web module");
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        scan(Files.readString(f)).forEach(hit -> found.add(root.relativize(f) + ":" + hit));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        assertEquals(List.of(), found, "read the page with jsoup (Visitor.html, Jsoup.parse) or the JSON API");
    }

    @Test
    void shouldRecogniseTheWaysTestsOnceReadPages() {
        List<String> sources = List.of(
                "static final Pattern CSRF = Pattern.compile(\"<meta name=\\\"csrf-token\\\" content=\\\"([^\\\"]*)\\\">\");",
                "static final Pattern TITLE = Pattern.compile(\n    \"<h2 class=\\\"t\\\"><a href=\\\"/papers/(\\\\d+)\\\">\"\n    + \"([^<]*)</a>\");",
                "String id = page.replaceAll(\"(?s).*id=\\\"entry-(\\\\d+)\\\".*\", \"$1\");",
                "String name = page.replaceAll(\"(?s).*<h1>([^<]*)</h1>.*\", \"$1\");",
                "assertFalse(html.matches(\"(?s).*<[a-z][^>]*\\\\ssrc=.*\"));",
                "body(matchesPattern(\".*<li class=\\\"card\\\".*\"));");
        for (String source : sources) {
            assertEquals(1, scan(source).size(), source);
        }
    }

    @Test
    void shouldLetPatternsOverAddressesAndTextAndCodeInStringsPass() {
        List<String> sources = List.of(
                "String id = location.replaceAll(\".*/groups/(\\\\d+).*\", \"$1\");",
                "assertTrue(text.matches(\"(?s).*\\\\n\\\\d\\\\n.*\"));",
                "String[] words = title.split(\" \");",
                "page.waitForURL(Pattern.compile(\".*#annotation-\\\\d+\"));",
                "String s = html.replace(\"<\", \"&lt;\");",
                "a.evaluate(\"() => [...document.querySelectorAll('span')].find(e => e.matches('<b class=\\\"x\\\">'))\");",
                "Matcher m = Pattern.compile(\"(?<id>\\\\d+) (?<!x)y\").matcher(text);",
                "// page.replaceAll(\"(?s).*<h1>(.*)</h1>.*\", \"$1\") was how it was done");
        for (String source : sources) {
            assertEquals(List.of(), scan(source), source);
        }
    }

    /** The line and pattern of each regular expression over markup in a Java source. */
    static List<String> scan(String source) {
        List<Token> tokens = lex(source);
        List<String> hits = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            int open = callOpening(tokens, i);
            if (open < 0) {
                continue;
            }
            StringBuilder pattern = new StringBuilder();
            int depth = 0;
            for (int j = open + 1; j < tokens.size(); j++) {
                Token t = tokens.get(j);
                if (t.is("(")) {
                    depth++;
                } else if (t.is(")") && depth-- == 0 || t.is(",") && depth == 0) {
                    break;
                } else if (t.string && depth == 0) {
                    pattern.append(t.text);
                }
            }
            if (MARKUP.matcher(pattern).find()) {
                hits.add(tokens.get(i).line + " " + pattern);
            }
        }
        return hits;
    }

    /** The index of the "(" when tokens from i on start a call that takes a regular expression first, else -1. */
    private static int callOpening(List<Token> tokens, int i) {
        Token a = tokens.get(i);
        Token b = tokens.get(i + 1);
        Token c = tokens.get(i + 2);
        if (a.is(".") && STRING_METHODS.contains(b.text) && !b.string && c.is("(")) {
            return i + 2;
        }
        if (a.is("Pattern") && b.is(".") && i + 3 < tokens.size()
                && (c.is("compile") || c.is("matches")) && tokens.get(i + 3).is("(")) {
            return i + 3;
        }
        if (MATCHERS.contains(a.text) && !a.string && b.is("(")) {
            return i + 1;
        }
        return -1;
    }

    private record Token(String text, boolean string, int line) {
        boolean is(String s) {
            return !string && text.equals(s);
        }
    }

    /** Java tokens, just enough of them: names, single symbols, and string literals (decoded, text blocks too). */
    private static List<Token> lex(String s) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(ch)) {
                i++;
            } else if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                line += (int) s.substring(i, end).chars().filter(x -> x == '\n').count();
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end;
                String body = s.substring(i + 3, end);
                tokens.add(new Token(unescape(body), true, line));
                line += (int) body.chars().filter(x -> x == '\n').count();
                i = Math.min(s.length(), end + 3);
            } else if (ch == '"' || ch == '\'') { // a character literal is never a pattern: dropped
                int j = i + 1;
                StringBuilder raw = new StringBuilder();
                while (j < s.length() && s.charAt(j) != ch && s.charAt(j) != '\n') {
                    if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                        raw.append(s.charAt(j++));
                    }
                    raw.append(s.charAt(j++));
                }
                if (ch == '"') {
                    tokens.add(new Token(unescape(raw.toString()), true, line));
                }
                i = j + 1;
            } else if (Character.isJavaIdentifierStart(ch)) {
                int j = i;
                while (j < s.length() && Character.isJavaIdentifierPart(s.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(s.substring(i, j), false, line));
                i = j;
            } else {
                tokens.add(new Token(String.valueOf(ch), false, line));
                i++;
            }
        }
        return tokens;
    }

    private static String unescape(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
