package app.marginalia.persistence.annotation;

import app.marginalia.core.annotation.ReactionKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One person's reaction of one kind to a note. */
@Entity
@Table(name = "reaction")
public class Reaction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "annotation_id")
    public long annotationId;
    @Column(name = "account_id")
    public long accountId;
    @Enumerated(EnumType.STRING)
    public ReactionKind kind;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Reaction> find(long annotationId, long accountId, ReactionKind kind) {
        return find("annotationId = ?1 and accountId = ?2 and kind = ?3", annotationId, accountId, kind)
                .firstResultOptional();
    }

    /** How many reactions of one kind a note has, and whether the viewer gave one of them. */
    public record Count(long annotationId, ReactionKind kind, long count, boolean mine) {
    }

    /**
     * Counts per note and kind for everything one person sees on a paper, and whether they
     * reacted themselves, in one statement.
     */
    public static List<Count> countsVisible(long paperId, Long groupId, long accountId) {
        return getEntityManager().createQuery("select r.annotationId, r.kind, count(r), "
                        + "sum(case when r.accountId = ?3 then 1 else 0 end) from Reaction r, Annotation a "
                        + "where a.id = r.annotationId and a.paper.id = ?1 and "
                        + "(a.group.id = ?2 or (a.group is null and a.author.id = ?3)) group by r.annotationId, r.kind",
                Object[].class).setParameter(1, paperId).setParameter(2, groupId == null ? -1L : groupId)
                .setParameter(3, accountId).getResultList().stream()
                .map(row -> new Count((Long) row[0], (ReactionKind) row[1], ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue() > 0)).toList();
    }

    /** How many reactions a note has, of every kind. */
    public record Total(long annotationId, long count) {
    }

    /** Reactions per note in one group's discussion of a paper, in one statement; notes without any have no row. */
    public static List<Total> totalsInGroup(long paperId, long groupId) {
        return getEntityManager().createQuery("select r.annotationId, count(r) from Reaction r, Annotation a "
                        + "where a.id = r.annotationId and a.paper.id = ?1 and a.group.id = ?2 group by r.annotationId",
                Total.class).setParameter(1, paperId).setParameter(2, groupId).getResultList();
    }
}
