package app.marginalia.persistence.paper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where a file-extracted text version's characters stand on the file's pages ({@code core.document.TextLayout#encode}). */
@Entity
@Table(name = "paper_text_layout")
public class PaperTextLayout extends PanacheEntityBase {

    @Id
    @Column(name = "text_id")
    public Long textId;

    public byte[] layout;
}
