package app.marginalia.persistence.group;

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
import java.util.Optional;

/** A link that lets whoever holds it join a group, until it expires, is used up or is revoked. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    public ReadingGroup group;

    public String token;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    public Account createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "max_uses")
    public Integer maxUses;
    public int uses;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && (maxUses == null || uses < maxUses);
    }

    public static Optional<Invitation> findByToken(String token) {
        return find("select i from Invitation i join fetch i.group where i.token = ?1", token).firstResultOptional();
    }

    /** An invitation of this group; empty for an unknown id or another group's invitation. */
    public static Optional<Invitation> inGroup(long groupId, long invitationId) {
        return find("id = ?1 and group.id = ?2", invitationId, groupId).firstResultOptional();
    }

    public static List<Invitation> ofGroup(long groupId) {
        return find("select i from Invitation i join fetch i.createdBy where i.group.id = ?1 order by i.createdAt desc",
                groupId).list();
    }
}
