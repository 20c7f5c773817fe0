package app.marginalia.web.paper;

import app.marginalia.core.paper.Fingerprint;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperOrigin;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Papers written straight to the database, many at a time, for tests of the library at size.
 * Each has a hand-added origin, so {@code TestLibrary.removeAddedPapers()} takes them away again.
 */
public final class ManyPapers {

    private ManyPapers() {
    }

    /**
     * {@code count} papers titled "{@code word} 0001" … with the year 2000 + i % 20 and list
     * "{@code word} list"; returns their ids in creation order.
     */
    public static List<Long> add(String word, int count) {
        return QuarkusTransaction.requiringNew().call(() -> IntStream.rangeClosed(1, count).mapToObj(i -> {
            Instant now = Instant.now();
            Paper paper = new Paper();
            paper.title = "%s %04d".formatted(word, i);
            paper.titleKey = Fingerprint.titleKey(paper.title);
            paper.setAuthorList(List.of("Test Author " + i));
            paper.publishedYear = 2000 + i % 20;
            paper.publishedMonth = 1 + i % 12;
            paper.category = "cs.LG";
            paper.fingerprint = "%064x".formatted(System.nanoTime() * 1000 + i);
            paper.textVersion = 1;
            paper.createdAt = now;
            paper.updatedAt = now;
            paper.persist();
            PaperOrigin origin = new PaperOrigin();
            origin.paper = paper;
            origin.kind = PaperOrigin.Kind.MANUAL;
            origin.listName = word + " list";
            origin.createdAt = now;
            origin.persist();
            return paper.id;
        }).toList());
    }
}
