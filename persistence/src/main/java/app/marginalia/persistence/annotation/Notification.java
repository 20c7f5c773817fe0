package app.marginalia.persistence.annotation;

import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.paper.Paper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tells someone they were mentioned in a note, that someone replied to their note or answered
 * their question, or that a group of theirs scheduled a paper. Only notifications about groups
 * the recipient still belongs to are shown or counted.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    /** Why the notification was sent. */
    public enum Kind { MENTION, REPLY, ANSWER, SCHEDULED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "recipient_id")
    public long recipientId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_id")
    public Account actor;
    /** The note it is about; null for a newly scheduled paper. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "annotation_id")
    public Annotation annotation;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "paper_id")
    public Paper paper;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    public ReadingGroup group;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;

    /** Stores a new notification; {@code annotation} is null for one about a paper (a scheduled meeting). */
    public static Notification send(long recipient, Account actor, Kind kind, Annotation annotation, Paper paper,
                                    ReadingGroup group) {
        Notification n = new Notification();
        n.recipientId = recipient;
        n.actor = actor;
        n.kind = kind;
        n.annotation = annotation;
        n.paper = paper;
        n.group = group;
        n.createdAt = Instant.now();
        n.persist();
        return n;
    }

    /** Whether the recipient already has a notification of this kind about this note. */
    public static boolean exists(long recipientId, long annotationId, Kind kind) {
        return count("recipientId = ?1 and annotation.id = ?2 and kind = ?3", recipientId, annotationId, kind) > 0;
    }

    /** Still addressed to its recipient: about a group they belong to (or about no group). */
    private static final String CURRENT = "(n.group is null or exists (select 1 from Membership m "
            + "where m.group = n.group and m.account.id = n.recipientId))";

    public static long unread(long recipientId) {
        return getEntityManager().createQuery("select count(n) from Notification n where n.recipientId = ?1 "
                + "and n.readAt is null and " + CURRENT, Long.class).setParameter(1, recipientId).getSingleResult();
    }

    public static List<Notification> recent(long recipientId, int limit) {
        return find("select n from Notification n left join fetch n.actor left join fetch n.paper left join fetch n.group "
                + "left join fetch n.annotation where n.recipientId = ?1 and " + CURRENT
                + " order by n.createdAt desc, n.id desc", recipientId).page(0, limit).list();
    }

    /** One of the recipient's own notifications. */
    public static Optional<Notification> ofRecipient(long id, long recipientId) {
        return find("id = ?1 and recipientId = ?2", id, recipientId).firstResultOptional();
    }

    public static int markAllRead(long recipientId, Instant at) {
        return update("readAt = ?1 where recipientId = ?2 and readAt is null", at, recipientId);
    }
}
