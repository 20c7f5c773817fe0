package app.marginalia.persistence.group;

import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.paper.Paper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One line of a group's append-only activity record. */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    /** What kind of change the line records. */
    public enum Kind {
        GROUP_CREATED, GROUP_EDITED, MEMBER_JOINED, MEMBER_LEFT, MEMBER_REMOVED, ROLE_CHANGED, OWNERSHIP_TRANSFERRED,
        INVITATION_CREATED, INVITATION_REVOKED, PAPER_PROPOSED, STATUS_CHANGED, MEETING_SCHEDULED, PAPER_REMOVED,
        VOTE_CAST, VOTE_WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    public ReadingGroup group;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_id")
    public Account actor;

    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String summary;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "paper_id")
    public Paper paper;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<Activity> recent(long groupId, int limit) {
        return find("select a from Activity a left join fetch a.actor where a.group.id = ?1 order by a.createdAt desc, a.id desc",
                groupId).page(0, limit).list();
    }
}
