package app.marginalia.core.discussion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Much-highlighted passages nobody has discussed yet, for a meeting's agenda. Overlapping
 * highlights merge into one passage; a passage counts the distinct people who highlighted
 * it; passages that overlap a discussed passage (a note or question with a quote) are left
 * out, since the agenda lists those threads already.
 */
public final class PassageClusters {

    /** At least this many people must have highlighted a passage for it to make the agenda. */
    public static final int MIN_PEOPLE = 2;
    /** The agenda lists at most this many passages. */
    public static final int MAX_PASSAGES = 10;

    /** A highlighted range of code points, by one person. */
    public record Highlight(int start, int end, long person) {
    }

    /** A passage: the union of overlapping highlights, and how many people highlighted it. */
    public record Passage(int start, int end, int people, int highlights) {
    }

    private PassageClusters() {
    }

    /** Passages ordered by people then highlights (descending), then by position. */
    public static List<Passage> undiscussed(List<Highlight> highlights, List<int[]> discussed) {
        List<Highlight> sorted = new ArrayList<>(highlights);
        sorted.removeIf(h -> h.end() <= h.start());
        sorted.sort(Comparator.comparingInt(Highlight::start).thenComparingInt(Highlight::end));
        List<Passage> passages = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int start = sorted.get(i).start();
            int end = sorted.get(i).end();
            Set<Long> people = new HashSet<>();
            int count = 0;
            while (i < sorted.size() && sorted.get(i).start() < end) {
                end = Math.max(end, sorted.get(i).end());
                people.add(sorted.get(i).person());
                count++;
                i++;
            }
            int s = start, e = end;
            boolean talkedAbout = discussed.stream().anyMatch(d -> d[0] < e && s < d[1]);
            if (people.size() >= MIN_PEOPLE && !talkedAbout) {
                passages.add(new Passage(start, end, people.size(), count));
            }
        }
        passages.sort(Comparator.comparingInt(Passage::people).reversed()
                .thenComparing(Comparator.comparingInt(Passage::highlights).reversed())
                .thenComparingInt(Passage::start));
        return passages.size() > MAX_PASSAGES ? List.copyOf(passages.subList(0, MAX_PASSAGES)) : passages;
    }
}
