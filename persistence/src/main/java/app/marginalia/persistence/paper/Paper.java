package app.marginalia.persistence.paper;

import app.marginalia.core.paper.PartialDate;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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
    private static final String AUTHOR_SEPARATOR = "\n";

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

    public static List<Paper> findByFingerprint(String fingerprint) {
        return list("fingerprint", Sort.by("id"), fingerprint);
    }

    public static List<Paper> findByTitleKey(String titleKey) {
        return list("titleKey", Sort.by("id"), titleKey);
    }

    /** The whole library with every paper's origins, in one statement. */
    public static List<Paper> listWithOrigins() {
        return find("select distinct p from Paper p left join fetch p.origins").list();
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
        return authors == null || authors.isEmpty() ? List.of() : Arrays.asList(authors.split(AUTHOR_SEPARATOR));
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
