package app.marginalia.persistence.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/**
 * A row locked with {@code SELECT ... FOR UPDATE} until the transaction ends: it serialises a
 * rare decision across every instance sharing the database, e.g. whether a registration is the
 * installation's first (its administrator) or whether an administrator may be disabled.
 */
@Entity
@Table(name = "instance_lock")
public class InstanceLock extends PanacheEntityBase {

    /** The account table's administrators: the first account, disabling an administrator. */
    public static final String ADMINISTRATORS = "administrators";

    @Id
    public String name;

    /** Waits for, then holds, the named lock until the current transaction commits or rolls back. */
    public static void acquire(String name) {
        if (findById(name, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalStateException("no lock row named " + name + "; the migrations create it");
        }
    }
}
