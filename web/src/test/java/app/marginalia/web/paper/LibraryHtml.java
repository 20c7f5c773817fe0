package app.marginalia.web.paper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.List;

/** Reads the library page as a test needs it: the paper cards and their titles, in order. */
final class LibraryHtml {

    private LibraryHtml() {
    }

    static Elements cards(String html) {
        return Jsoup.parse(html).select("li.paper-card");
    }

    static List<String> titles(String html) {
        return cards(html).stream().map(card -> card.selectFirst("h2.paper-card__title > a"))
                .map(Element::text).toList();
    }
}
