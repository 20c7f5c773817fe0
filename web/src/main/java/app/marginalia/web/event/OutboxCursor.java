package app.marginalia.web.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a reader of the outbox has got, when ids do not arrive in order.
 * <p>
 * An outbox id is taken when the row is inserted, but rows become visible when their
 * transactions commit, in another order: after reading id 12 a reader may still meet 11, from
 * a transaction that was open a little longer. And some ids never appear: a transaction that
 * rolled back leaves a permanent hole. So the cursor keeps
 * <ul>
 *   <li>the <em>watermark</em> W: every id up to W has been applied or given up;</li>
 *   <li>the <em>highest</em> id H applied so far;</li>
 *   <li>the <em>holes</em>: the ids between W and H not seen yet, each with the time it was first
 *       missed. Every other id in (W, H] has been applied.</li>
 * </ul>
 * A reader asks for rows above H and for the rows in the holes; a hole waited for longer than
 * the grace period (longer than any write transaction lasts) is given up, and W moves up to
 * just below the first hole left. Keeping the holes rather than the applied ids is the same
 * information, smaller: holes are few and short (in-flight transactions, rollbacks), applied
 * ids are many. The watermark is what is stored; after a restart everything above it is read
 * again, which is harmless because applying an event is idempotent.
 * <p>
 * Not thread-safe: one reader owns it; {@link #copy} lets it work on a copy and keep it only
 * once the work is done.
 */
public final class OutboxCursor {

    /** Ids from {@code start} to {@code end} (both included) not seen yet, missing since {@code since} (nanoseconds). */
    public record Hole(long start, long end, long since) {
        long size() {
            return end - start + 1;
        }
    }

    private long highest;
    private final TreeMap<Long, Hole> holes = new TreeMap<>();

    /** A cursor at {@code watermark}: every id up to it is done. */
    public OutboxCursor(long watermark) {
        this.highest = watermark;
    }

    public OutboxCursor copy() {
        OutboxCursor copy = new OutboxCursor(highest);
        copy.holes.putAll(holes);
        return copy;
    }

    /** Every id up to this one has been applied or given up. */
    public long watermark() {
        return holes.isEmpty() ? highest : holes.firstKey() - 1;
    }

    /** The highest id applied: new rows are the ones above it. */
    public long highest() {
        return highest;
    }

    /** The ids still waited for, in order. */
    public List<Hole> holes() {
        return new ArrayList<>(holes.values());
    }

    /** How many ids are waited for. */
    public long missing() {
        return holes.values().stream().mapToLong(Hole::size).sum();
    }

    /**
     * A committed row with this id was read at {@code now} (nanoseconds): true if it is to be
     * applied, false if it already was (or was given up, which only a transaction longer than
     * the grace period can cause).
     */
    public boolean accept(long id, long now) {
        if (id > highest) {
            if (id > highest + 1) {
                holes.put(highest + 1, new Hole(highest + 1, id - 1, now));
            }
            highest = id;
            return true;
        }
        Map.Entry<Long, Hole> entry = holes.floorEntry(id);
        if (entry == null || entry.getValue().end() < id) {
            return false;
        }
        Hole hole = entry.getValue();
        holes.remove(hole.start());
        if (hole.start() < id) {
            holes.put(hole.start(), new Hole(hole.start(), id - 1, hole.since()));
        }
        if (id < hole.end()) {
            holes.put(id + 1, new Hole(id + 1, hole.end(), hole.since()));
        }
        return true;
    }

    /** Gives up the holes missing since before {@code now - graceNanos}; returns how many ids. */
    public long giveUp(long now, long graceNanos) {
        long given = 0;
        for (Hole hole : holes()) {
            if (now - hole.since() >= graceNanos) {
                holes.remove(hole.start());
                given += hole.size();
            }
        }
        return given;
    }
}
