package app.marginalia.web.paper;

import app.marginalia.web.group.GroupViews.ListPicker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One page of the library as the library page shows it: the papers, how many match the filter
 * of how many in all, which page of how many, the notes new to the viewer per paper, and, when
 * the page was opened from a group to add papers to its list, that group ({@code picker}).
 */
public record LibraryView(List<PaperSummary> papers, long matches, long total, int page, int pages, LibrarySort sort,
                          String filter, Map<Long, Long> fresh, ListPicker picker) {

    /** Papers per page. */
    public static final int PAGE_SIZE = 50;

    /** The position of the page's first paper, from 1 (0 when nothing matches). */
    public long first() {
        return papers.isEmpty() ? 0 : (long) (page - 1) * PAGE_SIZE + 1;
    }

    public long last() {
        return (long) (page - 1) * PAGE_SIZE + papers.size();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** This listing (filter, order, group) at another page; the first page has no page parameter. */
    public String url(int at) {
        return url(filter, picker, at);
    }

    /** The first page in the same order without the filter. */
    public String clearedUrl() {
        return url("", picker, 1);
    }

    /** The same listing without the group's "add to the list" buttons. */
    public String withoutGroupUrl() {
        return url(filter, null, 1);
    }

    private String url(String filter, ListPicker picker, int at) {
        StringBuilder url = new StringBuilder("/papers?sort=").append(sort.param());
        if (!filter.isEmpty()) {
            url.append("&q=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8));
        }
        if (picker != null) {
            url.append("&group=").append(picker.groupId());
        }
        if (at > 1) {
            url.append("&page=").append(at);
        }
        return url.toString();
    }

    /** This very page, where the "add to the list" buttons come back to. */
    public String here() {
        return url(page);
    }

    public String previousUrl() {
        return url(page - 1);
    }

    public String nextUrl() {
        return url(page + 1);
    }

    public String lastUrl() {
        return url(pages);
    }
}
