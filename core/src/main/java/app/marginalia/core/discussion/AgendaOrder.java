package app.marginalia.core.discussion;

import java.time.Instant;
import java.util.Comparator;

/** How a meeting's agenda orders its threads: most reactions first, then the oldest. */
public final class AgendaOrder {

    /** What the order looks at in a thread. */
    public interface Item {
        long reactions();

        Instant createdAt();

        long id();
    }

    private AgendaOrder() {
    }

    public static <T extends Item> Comparator<T> comparator() {
        return Comparator.<T>comparingLong(Item::reactions).reversed()
                .thenComparing(Item::createdAt).thenComparingLong(Item::id);
    }
}
