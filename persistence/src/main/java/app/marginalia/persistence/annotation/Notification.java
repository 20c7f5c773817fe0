package app.marginalia.persistence.annotation;

import app.marginalia.persistence.account.Account;
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

/** Tells someone they were mentioned in a note, or that someone replied to theirs. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    /** Why the notification was sent. */
    public enum Kind { MENTION, REPLY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "recipient_id")
    public long recipientId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_id")
    public Account actor;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "annotation_id")
    public Annotation annotation;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;

    public static long unread(long recipientId) {
        return count("recipientId = ?1 and readAt is null", recipientId);
    }

    public static List<Notification> recent(long recipientId, int limit) {
        return find("select n from Notification n left join fetch n.actor join fetch n.annotation a join fetch a.paper "
                + "where n.recipientId = ?1 order by n.createdAt desc, n.id desc", recipientId).page(0, limit).list();
    }
}
