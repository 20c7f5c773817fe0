package app.marginalia.web.search;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** At start, the index is caught up from the outbox when it can be, and rebuilt only when it cannot. */
class SearchIndexerStartTest {

    private static Map<String, String> index(String origin, long watermark) {
        return Map.of("schema", SearchIndexer.SCHEMA, "origin", origin, SearchIndexer.WATERMARK, String.valueOf(watermark));
    }

    @Test
    void shouldCatchUpWhenEveryRowAfterThePositionIsStillThere() {
        assertNull(SearchIndexer.staleness(index("1@5", 100), "1@5", 50L, 200));
        assertNull(SearchIndexer.staleness(index("1@5", 100), "1@5", 101L, 200), "the next row is the oldest left");
        assertNull(SearchIndexer.staleness(index("1@5", 200), "1@5", 150L, 200), "nothing new");
        assertNull(SearchIndexer.staleness(index("empty", 0), "empty", null, 0), "an empty database, an empty outbox");
    }

    @Test
    void shouldRebuildWhenRowsAfterThePositionWerePruned() {
        assertTrue(SearchIndexer.staleness(index("1@5", 100), "1@5", 102L, 200).contains("were pruned"));
    }

    @Test
    void shouldRebuildAnIndexThatIsMissingOfAnotherSchemaOrOfAnotherDatabase() {
        assertTrue(SearchIndexer.staleness(Map.of(), "1@5", 1L, 2).contains("no index yet"));
        assertTrue(SearchIndexer.staleness(Map.of("schema", "1", "origin", "1@5", "outbox", "1"), "1@5", 1L, 2)
                .contains("schema 1"));
        assertTrue(SearchIndexer.staleness(index("1@5", 100), "1@9", 50L, 200).contains("another database"));
        assertTrue(SearchIndexer.staleness(index("1@5", 300), "1@5", 50L, 200).contains("another database"),
                "it applied ids this outbox never had");
        assertTrue(SearchIndexer.staleness(Map.of("schema", SearchIndexer.SCHEMA, "origin", "1@5"), "1@5", 1L, 2)
                .contains("outbox position"));
    }
}
