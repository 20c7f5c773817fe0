package app.marginalia.persistence.annotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** An earlier version of a note, kept when it is edited. */
@Entity
@Table(name = "annotation_revision")
public class AnnotationRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "annotation_id")
    public long annotationId;
    public String body;
    public String tags;
    @Column(name = "written_at")
    public Instant writtenAt;

    public static List<AnnotationRevision> of(long annotationId) {
        return list("annotationId", Sort.descending("writtenAt", "id"), annotationId);
    }
}
