package app.marginalia.persistence.group;

import app.marginalia.core.group.ActivityKind;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Annotation;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a group's append-only activity record: what happened (kind), who did it, to whom
 * (subject), on which paper and note, and one small fact (detail). The sentence is written when
 * the line is read ({@code core.group.ActivitySentence}); lines written before that keep their
 * stored {@code summary}, which new lines leave null.
 */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

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
    public ActivityKind kind;
    /** The sentence as written at the time, by lines from before lines kept their facts; null since. */
    public String summary;

    /** The member the line is about when that is not the actor: removed, given a role, handed the group. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "subject_id")
    public Account subject;

    /** The fact the sentence needs that no reference keeps: a role, a status, a meeting instant, a count. */
    public String detail;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "paper_id")
    public Paper paper;

    /** The group note the line is about, if any; the line goes when the note is deleted. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "annotation_id")
    public Annotation annotation;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * A line as they were written before V15, with its sentence stored (cut to the column). The
     * application writes lines with {@link #append}; this makes the old kind for tests of old data.
     */
    public static Activity record(ReadingGroup group, Account actor, ActivityKind kind, String summary, Paper paper,
                                  Annotation annotation) {
        Activity activity = new Activity();
        activity.group = group;
        activity.actor = actor;
        activity.kind = kind;
        activity.summary = summary.length() > 500 ? summary.substring(0, 499) + "…" : summary;
        activity.paper = paper;
        activity.annotation = annotation;
        activity.createdAt = Instant.now();
        activity.persist();
        return activity;
    }

    /** Appends a line that keeps facts only; its sentence is written when it is read. */
    public static Activity append(ReadingGroup group, Account actor, ActivityKind kind, Paper paper,
                                  Annotation annotation, Account subject, String detail) {
        Activity activity = new Activity();
        activity.group = group;
        activity.actor = actor;
        activity.kind = kind;
        activity.paper = paper;
        activity.annotation = annotation;
        activity.subject = subject;
        activity.detail = detail;
        activity.createdAt = Instant.now();
        activity.persist();
        return activity;
    }

    /** What the feed can be narrowed to; null fields do not filter. */
    public record Filter(Long paperId, Long actorId, Collection<ActivityKind> kinds, Instant from, Instant until) {
    }

    /**
     * One page of a group's feed, newest first, with actor, subject, paper and note fetched in the
     * same statement (their current names write the sentence); {@code limit + 1} rows are asked for so the caller knows whether there is more.
     */
    public static List<Activity> page(long groupId, Filter filter, int offset, int limit) {
        StringBuilder q = new StringBuilder("select a from Activity a left join fetch a.actor left join fetch a.subject "
                + "left join fetch a.paper left join fetch a.annotation where a.group.id = :group");
        Map<String, Object> params = new HashMap<>();
        params.put("group", groupId);
        if (filter.paperId() != null) {
            q.append(" and a.paper.id = :paper");
            params.put("paper", filter.paperId());
        }
        if (filter.actorId() != null) {
            q.append(" and a.actor.id = :actor");
            params.put("actor", filter.actorId());
        }
        if (filter.kinds() != null) {
            q.append(" and a.kind in :kinds");
            params.put("kinds", filter.kinds());
        }
        if (filter.from() != null) {
            q.append(" and a.createdAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.until() != null) {
            q.append(" and a.createdAt < :until");
            params.put("until", filter.until());
        }
        q.append(" order by a.createdAt desc, a.id desc");
        return find(q.toString(), params).range(offset, offset + limit).list();
    }

    /** The group's newest lines with what their sentences name, in one statement. */
    public static List<Activity> recent(long groupId, int limit) {
        return find("select a from Activity a left join fetch a.actor left join fetch a.subject left join fetch a.paper "
                + "where a.group.id = ?1 order by a.createdAt desc, a.id desc", groupId).page(0, limit).list();
    }
}
