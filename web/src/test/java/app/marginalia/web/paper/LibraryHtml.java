package app.marginalia.web.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the library page as a test needs it: the paper cards and their titles, in order. */
final class LibraryHtml {

    private static final Pattern CARD = Pattern.compile("<li class=\"paper-card\"");
    private static final Pattern TITLE = Pattern.compile(
            "<h2 class=\"paper-card__title\"><a href=\"/papers/(\\d+)\">([^<]*)</a>");

    private LibraryHtml() {
    }

    static List<String> cards(String html) {
        List<String> cards = new ArrayList<>();
        Matcher m = CARD.matcher(html);
        while (m.find()) {
            cards.add(html.substring(m.start(), Math.min(html.length(), m.start() + 200)));
        }
        return cards;
    }

    static List<String> titles(String html) {
        List<String> titles = new ArrayList<>();
        Matcher m = TITLE.matcher(html);
        while (m.find()) {
            titles.add(m.group(2).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&"));
        }
        return titles;
    }

    static long idOf(String html, String title) {
        Matcher m = TITLE.matcher(html);
        while (m.find()) {
            if (m.group(2).equals(title)) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("no paper titled " + title);
    }
}
