package app.marginalia.web.paper;

import app.marginalia.core.paper.Category;
import app.marginalia.core.paper.PartialDate;
import app.marginalia.persistence.paper.Paper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** What the library shows of a paper, and what {@code GET /api/papers} returns for it. */
public record PaperSummary(long id, String title, boolean titleProvisional, List<String> authors,
                           boolean authorsTruncated, List<String> organisations, String category,
                           String categoryName, Published published, BigDecimal score, String link,
                           List<String> lists, String url) {

    /** A publication date as given: {@code display} for people, {@code iso} for machines. */
    public record Published(String display, String iso, Integer year, Integer month, Integer day) {

        static Published of(PartialDate date) {
            return new Published(date.display(), date.iso(), date.year(), date.month(), date.day());
        }
    }

    static PaperSummary of(Paper paper) {
        return of(paper, paper.origins.stream().map(o -> o.listName).distinct().toList());
    }

    /** With the lists read apart ({@code LibraryPage.lists}), so a page of papers never loads their origins one by one. */
    static PaperSummary of(Paper paper, List<String> lists) {
        return new PaperSummary(paper.id, paper.title, paper.titleProvisional, paper.authorList(),
                paper.authorsTruncated, paper.organisationList(), paper.category,
                Category.name(paper.category).orElse(null), paper.published().map(Published::of).orElse(null),
                paper.score, paper.link, lists, "/papers/" + paper.id);
    }

    /** Authors as a byline: {@code A, B, C et al.} */
    public String byline() {
        return Paper.byline(authors, authorsTruncated);
    }

    /** Everything the library's filter box matches against, lower case. */
    public String filterText() {
        return String.join(" ", title, String.join(" ", authors), String.join(" ", organisations),
                category == null ? "" : category, categoryName == null ? "" : categoryName,
                published == null ? "" : published.display(), String.join(" ", lists)).toLowerCase(Locale.ROOT);
    }

    int dateSortKey() {
        return published == null ? -1 : new PartialDate(published.year(), published.month(), published.day()).sortKey();
    }
}
