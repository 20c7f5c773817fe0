package app.marginalia.persistence.seed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** The record of one run of the seed import and what it reported. */
@Entity
@Table(name = "seed_import")
public class SeedImport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "trigger_name")
    public String trigger;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "entries_read")
    public int entriesRead;
    @Column(name = "entries_merged")
    public int entriesMerged;
    @Column(name = "papers_created")
    public int papersCreated;
    @Column(name = "papers_updated")
    public int papersUpdated;
    @Column(name = "papers_present")
    public int papersPresent;
    public int skipped;
    public String report;

    public static Optional<SeedImport> latest() {
        return findAll(Sort.descending("id")).firstResultOptional();
    }
}
