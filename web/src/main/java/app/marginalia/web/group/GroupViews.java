package app.marginalia.web.group;

import app.marginalia.core.group.ReadingStatus;
import app.marginalia.core.group.Role;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the group pages show: plain values, computed in the service, never entities. */
public final class GroupViews {

    private static final DateTimeFormatter MEETING = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private GroupViews() {
    }

    /** A meeting time in the group's zone: for people, for {@code <time>}, and for the date input. */
    public record Meeting(String display, String iso, String input, String zone) {

        public static Meeting of(Instant at, ZoneId zone) {
            if (at == null) {
                return null;
            }
            ZonedDateTime local = at.atZone(zone);
            return new Meeting(MEETING.format(local), at.toString(), INPUT.format(local), zone.getId());
        }
    }

    /** A paper on the list as one member sees it, with the moves open to them. */
    public record Entry(long id, long paperId, String title, String byline, ReadingStatus status, Meeting meeting,
                        int votes, boolean votedByMe, String proposedBy, List<ReadingStatus> moves, boolean canVote,
                        boolean canSchedule, boolean canRemove, DiscussionTracking.PaperStats stats, boolean concluded) {

        /** Papers that are or were up for a meeting have an agenda. */
        public boolean hasAgenda() {
            return status == ReadingStatus.SCHEDULED || status == ReadingStatus.READING || status == ReadingStatus.DISCUSSED;
        }
    }

    /** One status's part of the list. */
    public record Section(ReadingStatus status, String title, List<Entry> entries) {
    }

    /** A member of the group, with what the viewer may do to them. */
    public record Member(long accountId, String displayName, String username, Role role, boolean me,
                         boolean canRemove, boolean canChangeRole) {
    }

    /** An invitation link as its managers see it. */
    public record InvitationView(long id, String url, String createdBy, String expires, Integer maxUses, int uses,
                                 boolean usable, String state) {
    }

    /** A line of the activity record. */
    public record ActivityLine(String actor, String summary, String when, String iso) {
    }

    /** A library paper that can still be added to the list. */
    public record Candidate(long id, String title) {
    }

    /** What the viewer may do in the group, for showing only the controls that will work. */
    public record Abilities(boolean edit, boolean delete, boolean invite, boolean transfer, boolean schedule,
                            boolean propose) {
    }

    /** The whole group page. */
    public record Page(long id, String name, String description, String timeZone, Role myRole, Abilities can,
                       Meeting nextMeeting, String nextMeetingTitle, Long nextMeetingPaperId, List<Section> sections,
                       List<Member> members, List<ActivityLine> activity, List<Candidate> candidates, int listSize,
                       Totals totals) {
    }

    /** The group's discussions in sum, for the top of the group page. */
    public record Totals(long openQuestions, long fresh, long papersWithNews) {
    }

    /** The members page: members, and invitations for those who manage them. */
    public record MembersPage(long id, String name, Role myRole, Abilities can, List<Member> members,
                              List<InvitationView> invitations, boolean canLeave, String leaveProblem) {
    }

    /** What an invitation link shows before someone joins. */
    public record InvitationPreview(String token, String groupName, String invitedBy, int memberCount,
                                    boolean alreadyMember, long groupId) {
    }
}
