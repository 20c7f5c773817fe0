package app.marginalia.persistence.paper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a {@link PaperFile}, kept apart so metadata queries never load them. */
@Entity
@Table(name = "paper_file_content")
public class PaperFileContent extends PanacheEntityBase {

    @Id
    @Column(name = "file_id")
    public Long fileId;

    public byte[] content;
}
