package app.marginalia.persistence.paper;

import app.marginalia.core.paper.Category;
import app.marginalia.persistence.annotation.Annotation;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The library one page at a time: a filter and an order evaluated in SQL, so a page costs the
 * same statements however large the library is (the page, its count, the page's lists, and what
 * the page needs from groups). Spans papers, origins, notes and reading lists, so it is a query
 * class of its own, like {@link LibraryStakes}.
 */
public final class LibraryPage {

    /** The orders the library can be listed in; ties are broken by id so pages never overlap. */
    public enum Order {
        /** A–Z by title, ignoring case. */
        TITLE("lower(p.title), p.id"),
        /** Newest first; papers without a date or year last (a date without a year sorts as year 0). */
        DATE("case when p.publishedYear is null and p.publishedMonth is null then -1 else "
                + "coalesce(p.publishedYear, 0) * 10000 + coalesce(p.publishedMonth, 0) * 100 "
                + "+ coalesce(p.publishedDay, 0) end desc, lower(p.title), p.id");

        private final String orderBy;

        Order(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /** A paper offered for a reading list: its id and title. */
    public record Pick(long id, String title) {
    }

    /** One list a paper came from. */
    record Origin(long paperId, String listName) {
    }

    /** The most words a filter may have; each one is a condition over every field. */
    public static final int MAX_WORDS = 12;

    /**
     * Category codes by lower-case name. {@link Category} names the two-letter cs categories
     * without listing them; asking it for every two-letter code once is cheaper than a query.
     */
    private static final Map<String, String> CATEGORY_NAMES = categoryNames();

    private LibraryPage() {
    }

    /** A page of papers, how many match in all (0 when the page is past the last), and the library's size. */
    public record Found(List<Paper> papers, long matches, long total) {
    }

    /** One paper of a page and the number of matches, counted in the same statement. */
    record Counted(Paper paper, long matches) {
    }

    /**
     * Papers in {@code order} whose metadata contains every word: title, authors, organisations,
     * category code or name, the date as the library shows it ("Sep 21, 2022": month name, day,
     * year), or a list the paper came from. Words are matched ignoring case, as substrings. Two
     * statements: filtered, the page counting its matches over the same scan ({@code count(*)
     * over ()}) and the library's size; unfiltered, the page and the size, which is the count.
     * (The window would make every unfiltered page scan the whole table, where H2 answers a
     * plain {@code count(*)} at once.)
     */
    public static Found page(List<String> words, Order order, int offset, int limit) {
        Filter filter = Filter.of(words);
        if (words.isEmpty()) {
            List<Paper> papers = Paper.getEntityManager().createQuery("select p from Paper p order by " + order.orderBy,
                    Paper.class).setFirstResult(offset).setMaxResults(limit).getResultList();
            long total = Paper.count();
            return new Found(papers, total, total);
        }
        TypedQuery<Counted> query = Paper.getEntityManager().createQuery("select p, count(*) over () from Paper p where "
                + filter.where + " order by " + order.orderBy, Counted.class);
        filter.bind(query);
        List<Counted> rows = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return new Found(rows.stream().map(Counted::paper).toList(), rows.isEmpty() ? 0 : rows.get(0).matches(),
                Paper.count());
    }

    /** How many papers match every word (all of them when there are none). */
    public static long count(List<String> words) {
        if (words.isEmpty()) {
            return Paper.count();
        }
        Filter filter = Filter.of(words);
        TypedQuery<Long> query = Paper.getEntityManager().createQuery("select count(p) from Paper p where "
                + filter.where, Long.class);
        filter.bind(query);
        return query.getSingleResult();
    }

    /** The distinct names of the lists each paper came from, in the order they were recorded; one statement. */
    public static Map<Long, List<String>> lists(Collection<Long> paperIds) {
        Map<Long, List<String>> lists = new HashMap<>();
        if (paperIds.isEmpty()) {
            return lists;
        }
        for (Origin o : PaperOrigin.getEntityManager().createQuery("select o.paper.id, o.listName from PaperOrigin o "
                + "where o.paper.id in :ids order by o.id", Origin.class).setParameter("ids", paperIds).getResultList()) {
            List<String> names = lists.computeIfAbsent(o.paperId(), k -> new ArrayList<>());
            if (!names.contains(o.listName())) {
                names.add(o.listName());
            }
        }
        return lists;
    }

    /**
     * Per paper among {@code paperIds}: notes new to the account across all its groups (others'
     * notes, not deleted, after the account's read marker); one statement.
     */
    public static Map<Long, Long> freshInMyGroups(long accountId, Collection<Long> paperIds) {
        Map<Long, Long> fresh = new HashMap<>();
        if (paperIds.isEmpty()) {
            return fresh;
        }
        Annotation.getEntityManager().createQuery("select a.paper.id, count(a) from Annotation a where a.paper.id in :ids "
                        + "and a.group.id in (select m.group.id from Membership m where m.account.id = :me) "
                        + "and a.author.id <> :me and a.deleted = false and a.createdAt > coalesce((select r.seenAt "
                        + "from ReadMarker r where r.accountId = :me and r.groupId = a.group.id and r.paperId = a.paper.id), "
                        + ":never) group by a.paper.id", Annotation.PaperCount.class)
                .setParameter("ids", paperIds).setParameter("me", accountId).setParameter("never", Instant.EPOCH)
                .getResultList().forEach(c -> fresh.put(c.paperId(), c.count()));
        return fresh;
    }

    /** Which of {@code paperIds} are on the group's reading list; one statement. */
    public static List<Long> listedIn(long groupId, Collection<Long> paperIds) {
        if (paperIds.isEmpty()) {
            return List.of();
        }
        return Paper.getEntityManager().createQuery("select e.paper.id from ReadingListEntry e "
                        + "where e.group.id = :g and e.paper.id in :ids", Long.class)
                .setParameter("g", groupId).setParameter("ids", paperIds).getResultList();
    }

    /** Up to {@code limit} papers matching every word that are not on the group's list yet, A–Z; one statement. */
    public static List<Pick> notListedIn(long groupId, List<String> words, int limit) {
        Filter filter = Filter.of(words);
        TypedQuery<Pick> query = Paper.getEntityManager().createQuery("select p.id, p.title from Paper p where "
                + "not exists (select 1 from ReadingListEntry e where e.group.id = :g and e.paper.id = p.id) and "
                + filter.where + " order by " + Order.TITLE.orderBy, Pick.class);
        filter.bind(query);
        return query.setParameter("g", groupId).setMaxResults(limit).getResultList();
    }

    /** Splits what was typed into lower-case words; blank gives none. */
    public static List<String> words(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return List.of(typed.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }

    /** One condition per word, each a disjunction over the fields the library shows. */
    private record Filter(String where, Map<String, Object> parameters) {

        static Filter of(List<String> words) {
            if (words.size() > MAX_WORDS) {
                throw new IllegalArgumentException("at most " + MAX_WORDS + " words");
            }
            StringBuilder where = new StringBuilder("1 = 1");
            Map<String, Object> parameters = new LinkedHashMap<>();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i).toLowerCase(Locale.ROOT);
                String w = "w" + i;
                parameters.put(w, "%" + escape(word) + "%");
                where.append(" and (lower(p.title) like :").append(w).append(" escape '\\'")
                        .append(" or lower(p.authors) like :").append(w).append(" escape '\\'")
                        .append(" or lower(p.organisations) like :").append(w).append(" escape '\\'")
                        .append(" or lower(p.category) like :").append(w).append(" escape '\\'")
                        .append(" or cast(p.publishedYear as String) like :").append(w).append(" escape '\\'")
                        .append(" or cast(p.publishedDay as String) like :").append(w).append(" escape '\\'");
                List<String> categories = CATEGORY_NAMES.entrySet().stream().filter(e -> e.getKey().contains(word))
                        .map(Map.Entry::getValue).toList();
                if (!categories.isEmpty()) {
                    where.append(" or p.category in :c").append(i);
                    parameters.put("c" + i, categories);
                }
                List<Integer> months = new ArrayList<>();
                for (Month month : Month.values()) {
                    if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT).contains(word)) {
                        months.add(month.getValue());
                    }
                }
                if (!months.isEmpty()) {
                    where.append(" or p.publishedMonth in :m").append(i);
                    parameters.put("m" + i, months);
                }
                // Uncorrelated, so the database reads the matching lists once rather than once per paper.
                where.append(" or p.id in (select o.paper.id from PaperOrigin o where lower(o.listName) like :")
                        .append(w).append(" escape '\\'))");
            }
            return new Filter(where.toString(), parameters);
        }

        void bind(TypedQuery<?> query) {
            parameters.forEach(query::setParameter);
        }

        private static String escape(String word) {
            return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }

    private static Map<String, String> categoryNames() {
        Map<String, String> names = new HashMap<>();
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                String code = "cs." + a + b;
                Category.name(code).ifPresent(name -> names.put(name.toLowerCase(Locale.ROOT), code));
            }
        }
        return Map.copyOf(names);
    }
}
