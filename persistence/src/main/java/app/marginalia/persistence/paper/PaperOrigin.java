package app.marginalia.persistence.paper;

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

/** One list a paper appeared in: a line of a seed document, or a member adding it by hand. */
@Entity
@Table(name = "paper_origin")
public class PaperOrigin extends PanacheEntityBase {

    /** How the paper reached the library: a seed list, a member typing it in, or an import (arXiv, DOI, BibTeX). */
    public enum Kind { SEED, MANUAL, IMPORT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "paper_id")
    public Paper paper;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "list_name")
    public String listName;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "line_no")
    public Integer lineNo;

    @Column(name = "created_at")
    public Instant createdAt;

    public boolean sameSeedLine(String file, int line) {
        return kind == Kind.SEED && file.equals(fileName) && lineNo != null && lineNo == line;
    }
}
