package app.marginalia.core.annotation;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds {@code @username} mentions in a note, outside code spans and e-mail addresses. */
public final class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@([a-z0-9][a-z0-9_.-]{2,39})(?<![.])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE = Pattern.compile("```.*?```|`[^`]*`", Pattern.DOTALL);

    private Mentions() {
    }

    public static Set<String> in(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(CODE.matcher(markdown == null ? "" : markdown).replaceAll(" "));
        while (m.find()) {
            names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
