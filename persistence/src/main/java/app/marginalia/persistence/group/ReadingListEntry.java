package app.marginalia.persistence.group;

import app.marginalia.core.group.ReadingStatus;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.paper.Paper;
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
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A paper on a group's reading list: its status, and the meeting where it is discussed. */
@Entity
@Table(name = "reading_list_entry")
public class ReadingListEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    public ReadingGroup group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "paper_id")
    public Paper paper;

    @Enumerated(EnumType.STRING)
    public ReadingStatus status;

    @Column(name = "meeting_at")
    public Instant meetingAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "proposed_by")
    public Account proposedBy;

    /** What the group concluded after its meeting (Markdown, and its sanitised HTML). */
    public String conclusion;
    @Column(name = "conclusion_html")
    public String conclusionHtml;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "concluded_by")
    public Account concludedBy;
    @Column(name = "concluded_at")
    public Instant concludedAt;

    @Column(name = "added_at")
    public Instant addedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** A group's list with each entry's paper and proposer, in one statement. */
    public static List<ReadingListEntry> ofGroup(long groupId) {
        return find("select e from ReadingListEntry e join fetch e.paper left join fetch e.proposedBy "
                + "where e.group.id = ?1 order by e.addedAt, e.id", groupId).list();
    }

    public static Optional<ReadingListEntry> inGroup(long groupId, long entryId) {
        return find("group.id = ?1 and id = ?2", groupId, entryId).firstResultOptional();
    }

    /** A paper's entry on a group's list, with the member who recorded its conclusion. */
    public static Optional<ReadingListEntry> forPaper(long groupId, long paperId) {
        return find("select e from ReadingListEntry e join fetch e.paper left join fetch e.concludedBy "
                + "where e.group.id = ?1 and e.paper.id = ?2", groupId, paperId).firstResultOptional();
    }

    public static boolean listed(long groupId, long paperId) {
        return count("group.id = ?1 and paper.id = ?2", groupId, paperId) > 0;
    }

    /** How many papers each of these groups has on its list, in one statement; an empty list has no row. */
    public static List<GroupCount> listSizes(Collection<Long> groupIds) {
        return getEntityManager().createQuery("select e.group.id, count(e) from ReadingListEntry e "
                + "where e.group.id in ?1 group by e.group.id", GroupCount.class).setParameter(1, groupIds).getResultList();
    }

    /**
     * Each group's next meeting after {@code after}: the earliest meeting of a paper that is
     * scheduled or being read (a discussed paper's meeting is past business). One statement; a
     * group with none has no row.
     */
    public static List<GroupMeeting> nextMeetings(Collection<Long> groupIds, Instant after) {
        return getEntityManager().createQuery("select e.group.id, min(e.meetingAt) from ReadingListEntry e "
                        + "where e.group.id in ?1 and e.meetingAt > ?2 and e.status in ?3 group by e.group.id",
                        GroupMeeting.class).setParameter(1, groupIds).setParameter(2, after)
                .setParameter(3, List.of(ReadingStatus.SCHEDULED, ReadingStatus.READING)).getResultList();
    }
}
