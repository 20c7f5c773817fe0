package app.marginalia.core.discussion;

import app.marginalia.core.discussion.PassageClusters.Highlight;
import app.marginalia.core.discussion.PassageClusters.Passage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PassageClustersTest {

    @Test
    void shouldMergeOverlappingHighlightsAndCountDistinctPeople() {
        List<Passage> passages = PassageClusters.undiscussed(List.of(
                new Highlight(10, 20, 1), new Highlight(15, 30, 2), new Highlight(18, 25, 2),
                new Highlight(100, 110, 3)), List.of());
        assertEquals(List.of(new Passage(10, 30, 2, 3)), passages, "one person alone is not 'much highlighted'");
    }

    @Test
    void shouldLeaveOutPassagesTheGroupAlreadyDiscusses() {
        List<Highlight> highlights = List.of(new Highlight(10, 20, 1), new Highlight(12, 22, 2),
                new Highlight(50, 60, 1), new Highlight(55, 58, 2));
        assertEquals(List.of(new Passage(50, 60, 2, 2)),
                PassageClusters.undiscussed(highlights, List.<int[]>of(new int[]{21, 40})));
    }

    @Test
    void shouldNotMergeHighlightsThatOnlyTouch() {
        List<Passage> passages = PassageClusters.undiscussed(List.of(new Highlight(0, 10, 1), new Highlight(10, 20, 2),
                new Highlight(0, 10, 3), new Highlight(10, 20, 4)), List.of());
        assertEquals(List.of(new Passage(0, 10, 2, 2), new Passage(10, 20, 2, 2)), passages);
    }

    @Test
    void shouldRankByPeopleThenHighlightsAndKeepTheTopTen() {
        List<Highlight> highlights = new ArrayList<>();
        for (int p = 0; p < 15; p++) {
            int people = 2 + p % 4;
            for (int person = 0; person < people; person++) {
                highlights.add(new Highlight(p * 100, p * 100 + 10, person));
            }
        }
        List<Passage> passages = PassageClusters.undiscussed(highlights, List.of());
        assertEquals(PassageClusters.MAX_PASSAGES, passages.size());
        assertEquals(5, passages.get(0).people());
        assertEquals(300, passages.get(0).start(), "ties go to the earlier passage");
        for (int i = 1; i < passages.size(); i++) {
            assertEquals(true, passages.get(i - 1).people() >= passages.get(i).people());
        }
    }
}
