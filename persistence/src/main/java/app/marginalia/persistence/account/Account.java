package app.marginalia.persistence.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A person with a sign-in. The password is stored only as a bcrypt hash. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String username;
    @Column(name = "display_name")
    public String displayName;
    public String email;
    @Column(name = "password_hash")
    public String passwordHash;
    public boolean administrator;
    /** When an administrator disabled the account; null while it is active. */
    @Column(name = "disabled_at")
    public Instant disabledAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public static Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static boolean emailTaken(String email) {
        return count("email", email) > 0;
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    /** Administrators who can still sign in. */
    public static long activeAdministrators() {
        return count("administrator = true and disabledAt is null");
    }

    public static List<Account> listByName() {
        return listAll(Sort.by("username"));
    }
}
