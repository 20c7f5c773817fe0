package app.marginalia.persistence.paper;

import app.marginalia.core.paper.Fingerprint;
import app.marginalia.core.paper.PaperFields;
import app.marginalia.core.paper.PartialDate;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A paper in the shared library: its metadata; its text lives in {@link PaperText} versions. */
@Entity
@Table(name = "paper")
public class Paper extends PanacheEntityBase {

    /** Authors are stored one per line, so a name may itself contain a comma. */
    static final String AUTHOR_SEPARATOR = "\n";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;
    @Column(name = "title_key")
    public String titleKey;
    @Column(name = "title_provisional")
    public boolean titleProvisional;
    public String authors = "";
    @Column(name = "authors_truncated")
    public boolean authorsTruncated;
    public String organisations = "";
    public String category;
    @Column(name = "published_year")
    public Integer publishedYear;
    @Column(name = "published_month")
    public Integer publishedMonth;
    @Column(name = "published_day")
    public Integer publishedDay;
    public BigDecimal score;
    public String link;
    @Column(name = "abstract_text")
    public String abstractText;
    /** The arXiv identifier without version ("2212.08073", "hep-th/9901001"), when known. */
    @Column(name = "arxiv_id")
    public String arxivId;
    /** The DOI in lower case without resolver prefix ("10.1145/3442188.3445922"), when known. */
    public String doi;
    public String fingerprint;
    @Column(name = "text_version")
    public int textVersion;
    /** The account that added the paper by hand, which may edit it; none for seed papers. */
    @Column(name = "added_by")
    public Long addedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    @OneToMany(mappedBy = "paper")
    @OrderBy("id")
    public List<PaperOrigin> origins = new ArrayList<>();

    /**
     * The paper with its row locked until the transaction ends, so changes to it (edits, accepted
     * proposals, reverts) run one after another and each sees the version the one before it left.
     */
    public static Optional<Paper> findForUpdate(long id) {
        return Optional.ofNullable(getEntityManager().find(Paper.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public static List<Paper> findByFingerprint(String fingerprint) {
        return list("fingerprint", Sort.by("id"), fingerprint);
    }

    public static Optional<Paper> findByArxivId(String arxivId) {
        return find("arxivId", arxivId).firstResultOptional();
    }

    public static Optional<Paper> findByDoi(String doi) {
        return find("doi", doi).firstResultOptional();
    }

    public static List<Paper> findByTitleKey(String titleKey) {
        return list("titleKey", Sort.by("id"), titleKey);
    }

    /** The whole library with every paper's origins, in one statement. */
    public static List<Paper> listWithOrigins() {
        return find("select distinct p from Paper p left join fetch p.origins").list();
    }

    /** The papers that came from the seed lists, oldest first: what an example group reads. */
    public static List<Paper> listFromSeeds() {
        return find("select p from Paper p where exists (select 1 from PaperOrigin o where o.paper = p and o.kind = ?1) "
                + "order by p.id", PaperOrigin.Kind.SEED).list();
    }

    /** Authors as a byline: {@code A, B, C et al.} when the source cut the list short. */
    public static String byline(List<String> authors, boolean truncated) {
        String names = String.join(", ", authors);
        return truncated ? names + " et al." : names;
    }

    public String byline() {
        return byline(authorList(), authorsTruncated);
    }

    public List<String> authorList() {
        return lines(authors);
    }

    static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(AUTHOR_SEPARATOR));
    }

    /** The metadata a library change records and a revert restores. */
    public PaperFields fields() {
        return new PaperFields(title, authorList(), published().orElse(null), link, abstractText);
    }

    /**
     * Sets the metadata as an editor chose it: the title is no longer provisional, and a changed
     * author list is complete as typed. The fingerprint stays: it is the paper's identity for
     * de-duplication and the seed import.
     */
    public void setFields(PaperFields fields) {
        title = fields.title();
        titleKey = Fingerprint.titleKey(fields.title());
        titleProvisional = false;
        if (!fields.authors().equals(authorList())) {
            setAuthorList(fields.authors());
            authorsTruncated = false;
        }
        setPublished(fields.published());
        link = fields.link().isEmpty() ? null : fields.link();
        abstractText = fields.abstractText().isEmpty() ? null : fields.abstractText();
    }

    public void setAuthorList(List<String> names) {
        authors = String.join(AUTHOR_SEPARATOR, names);
    }

    public List<String> organisationList() {
        return organisations == null || organisations.isEmpty() ? List.of()
                : Arrays.asList(organisations.split(AUTHOR_SEPARATOR));
    }

    public void setOrganisationList(List<String> names) {
        organisations = String.join(AUTHOR_SEPARATOR, names);
    }

    public Optional<PartialDate> published() {
        return publishedYear == null && publishedMonth == null ? Optional.empty()
                : Optional.of(new PartialDate(publishedYear, publishedMonth, publishedDay));
    }

    public void setPublished(PartialDate date) {
        publishedYear = date == null ? null : date.year();
        publishedMonth = date == null ? null : date.month();
        publishedDay = date == null ? null : date.day();
    }
}
