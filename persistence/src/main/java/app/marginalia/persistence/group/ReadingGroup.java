package app.marginalia.persistence.group;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A private reading group; meeting times are shown in its time zone. */
@Entity
@Table(name = "reading_group")
public class ReadingGroup extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String description;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /**
     * Deletes a group with everything in it, in one statement: the database cascades to its
     * members, reading list, votes, invitations, activity, read markers and notes.
     */
    public static boolean deleteWithContents(long groupId) {
        return delete("id", groupId) > 0;
    }
}
