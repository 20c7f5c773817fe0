package app.marginalia.persistence.seed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * The row every seed import locks for its whole run, so that imports on any number of
 * instances sharing a database run one after another, and the first-start import happens once.
 */
@Entity
@Table(name = "seed_claim")
public class SeedClaim extends PanacheEntityBase {

    /** The one claim's key; the primary key keeps a second row from ever existing. */
    public static final String SEED_LIBRARY = "seed library";

    @Id
    public String name;
    @Column(name = "first_start_done")
    public boolean firstStartDone;
    /** Which instance last took the claim and when, for an operator reading the table. */
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "claimed_at")
    public Instant claimedAt;

    /**
     * The claim, locked until the current transaction ends (SELECT ... FOR UPDATE); blocks while
     * another transaction holds it. Empty only if the row was deleted by hand.
     */
    public static Optional<SeedClaim> lock() {
        return Optional.ofNullable(getEntityManager().find(SeedClaim.class, SEED_LIBRARY, LockModeType.PESSIMISTIC_WRITE));
    }
}
