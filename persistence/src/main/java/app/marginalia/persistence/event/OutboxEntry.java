package app.marginalia.persistence.event;

import app.marginalia.core.discussion.DiscussionEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One row of the event outbox: a {@link DiscussionEvent} as its type and payload, written in the
 * transaction of the change it describes. Ids increase in the order rows were inserted, not in
 * the order their transactions committed, so a reader that has seen id n may still meet a
 * smaller id later; {@code OutboxCursor} in the web module deals with that.
 */
@Entity
@Table(name = "event_outbox")
public class OutboxEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String type;
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Appends an event; the row commits or rolls back with the caller's transaction. */
    public static OutboxEntry append(DiscussionEvent event) {
        OutboxEntry entry = new OutboxEntry();
        entry.type = event.type();
        entry.payload = event.payload();
        entry.createdAt = Instant.now();
        entry.persist();
        return entry;
    }

    /** The event this row holds; empty if its type is unknown to this version (skipped, not fatal). */
    public Optional<DiscussionEvent> event() {
        return DiscussionEvent.decode(type, payload);
    }

    /** A committed row as a reader sees it. */
    public record Row(long id, String type, String payload, Instant createdAt) {
        public Optional<DiscussionEvent> event() {
            return DiscussionEvent.decode(type, payload);
        }
    }

    /** Up to {@code limit} committed rows with ids above {@code afterId}, in id order. */
    public static List<Row> after(long afterId, int limit) {
        return getEntityManager().createQuery("select e.id, e.type, e.payload, e.createdAt from OutboxEntry e "
                        + "where e.id > :after order by e.id", Row.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /**
     * The same over plain JDBC, for the reader that polls every second: no ORM session for a
     * query that usually finds nothing, and no statement counted against the pages' budgets.
     */
    public static List<Row> after(java.sql.Connection connection, long afterId, int limit) throws java.sql.SQLException {
        return rows(connection, "SELECT id, type, payload, created_at FROM event_outbox WHERE id > ? ORDER BY id LIMIT ?",
                afterId, limit);
    }

    /** {@link #between(long, long)} over plain JDBC, for the same reader. */
    public static List<Row> between(java.sql.Connection connection, long fromId, long toId) throws java.sql.SQLException {
        return rows(connection, "SELECT id, type, payload, created_at FROM event_outbox WHERE id BETWEEN ? AND ? ORDER BY id",
                fromId, toId);
    }

    private static List<Row> rows(java.sql.Connection connection, String sql, long a, long b) throws java.sql.SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, a);
            statement.setLong(2, b);
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                List<Row> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, java.time.OffsetDateTime.class).toInstant()));
                }
                return rows;
            }
        }
    }

    /** The highest id written so far (0 for none). */
    public static long lastId() {
        Long max = getEntityManager().createQuery("select max(e.id) from OutboxEntry e", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** The lowest id still kept (empty when the table is empty). */
    public static Optional<Long> firstId() {
        return Optional.ofNullable(getEntityManager().createQuery("select min(e.id) from OutboxEntry e", Long.class)
                .getSingleResult());
    }

    /** Committed rows with ids from {@code fromId} to {@code toId} (both included), in id order. */
    public static List<Row> between(long fromId, long toId) {
        return getEntityManager().createQuery("select e.id, e.type, e.payload, e.createdAt from OutboxEntry e "
                        + "where e.id between :from and :to order by e.id", Row.class)
                .setParameter("from", fromId).setParameter("to", toId).getResultList();
    }

    /** The highest id of a row written before {@code before}, if any is left. */
    public static Optional<Long> lastIdBefore(Instant before) {
        return Optional.ofNullable(getEntityManager().createQuery("select max(e.id) from OutboxEntry e "
                + "where e.createdAt < :before", Long.class).setParameter("before", before).getSingleResult());
    }

    /**
     * Deletes rows older than {@code before}, except the newest row of all; returns how many.
     * The newest row stays so the table always shows how far ids have gone: a reader whose
     * position is below the oldest row left knows that rows it never applied were deleted.
     */
    public static long pruneBefore(Instant before) {
        return delete("createdAt < ?1 and id < ?2", before, lastId());
    }
}
