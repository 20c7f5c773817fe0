package app.marginalia.web.group;

import app.marginalia.core.discussion.AgendaOrder;
import app.marginalia.core.discussion.ThreadState;
import app.marginalia.core.group.ReadingStatus;
import app.marginalia.core.group.Role;
import app.marginalia.persistence.annotation.Annotation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the group pages show: plain values, computed in the read models, never entities. */
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

    /** A group in someone's list of groups. */
    public record GroupSummary(long id, String name, String description, Role role, long members, long listSize,
                               Meeting nextMeeting) {
    }

    /**
     * Where the discussion of one paper in one group stands, for one member: its threads by
     * {@link ThreadState} (open and answered questions, resolved threads, unresolved notes; a
     * deleted root or a bare highlight is in none), its notes and replies, its bare highlights,
     * the people still in it, its last change, and how many notes are new to the member.
     */
    public record PaperStats(long openQuestions, long answeredQuestions, long resolvedThreads, long unresolvedThreads,
                             long notes, long highlights, long participants, Instant lastActivity, long fresh) {
        public static final PaperStats NONE = new PaperStats(0, 0, 0, 0, 0, 0, 0, null, 0);

        static PaperStats of(Annotation.PaperStats counts) {
            return new PaperStats(counts.open(), counts.answered(), counts.resolved(), counts.unresolved(),
                    counts.notes(), counts.highlights(), counts.participants(), counts.lastActivity(), 0);
        }

        public boolean quiet() {
            return notes == 0 && highlights == 0;
        }

        /** How many threads are in this state; bare highlights for {@link ThreadState#NONE}, nothing is GONE. */
        public long count(ThreadState state) {
            return switch (state) {
                case OPEN -> openQuestions;
                case ANSWERED -> answeredQuestions;
                case RESOLVED -> resolvedThreads;
                case UNRESOLVED -> unresolvedThreads;
                case NONE -> highlights;
                case GONE -> 0;
            };
        }

        PaperStats withFresh(long count) {
            return new PaperStats(openQuestions, answeredQuestions, resolvedThreads, unresolvedThreads, notes, highlights,
                    participants, lastActivity, count);
        }
    }

    /** What the reader shows above a paper for the group whose discussion is open. */
    public record ReaderPanel(long groupId, String groupName, long entryId, ReadingStatus status, Meeting meeting,
                              PaperStats stats, String conclusionHtml, String concludedBy, Instant concludedAt,
                              boolean canConclude) {
    }

    /** A paper on the list as one member sees it, with the moves open to them. */
    public record Entry(long id, long paperId, String title, String byline, ReadingStatus status, Meeting meeting,
                        int votes, boolean votedByMe, String proposedBy, List<ReadingStatus> moves, boolean canVote,
                        boolean canSchedule, boolean canRemove, PaperStats stats, boolean concluded) {

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

    /**
     * The group page's "add a paper" picker: at most {@code GroupPageReadModel.PICKER_SIZE} papers
     * not on the list (A–Z, narrowed by {@code find}), and whether the library holds more of them.
     */
    public record Picker(String find, List<Candidate> candidates, boolean more) {

        /** The library page narrowed the same way, with an "add to this group's list" button per paper. */
        public String libraryUrl(long groupId) {
            return "/papers?group=" + groupId
                    + (find == null || find.isEmpty() ? "" : "&q=" + URLEncoder.encode(find, StandardCharsets.UTF_8));
        }
    }

    /** The library page in "add to this group's list" mode: the group, and which of the page's papers it lists. */
    public record ListPicker(long groupId, String groupName, Set<Long> listed) {

        public boolean listed(long paperId) {
            return listed.contains(paperId);
        }
    }

    /** What the viewer may do in the group, for showing only the controls that will work. */
    public record Abilities(boolean edit, boolean delete, boolean invite, boolean transfer, boolean schedule,
                            boolean propose) {
    }

    /** The whole group page. */
    public record Page(long id, String name, String description, String timeZone, Role myRole, Abilities can,
                       Meeting nextMeeting, String nextMeetingTitle, Long nextMeetingPaperId, List<Section> sections,
                       List<Member> members, List<ActivityLine> activity, Picker picker, int listSize,
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

    // ---- The activity feed ----

    /** A line of the feed. */
    public record FeedLine(long id, String actor, Long actorId, String kind, String category, String summary,
                           String excerpt, Long paperId, String paperTitle, String link, Instant at) {
    }

    /** One page of the feed, with the filters that made it and the choices for the filter form. */
    public record FeedPage(long groupId, String groupName, List<FeedLine> lines, int page, boolean more,
                           Long paperId, Long memberId, String category, List<Candidate> papers,
                           List<Candidate> members, List<Choice> categories, String digestFrom,
                           String digestTo) {
    }

    /** An option of a filter. */
    public record Choice(String value, String label) {
    }

    // ---- The agenda ----

    /** A thread on the agenda, in the state {@link ThreadState} gave it. */
    public record AgendaThread(long id, String quote, boolean detached, String author, String bodyHtml, long reactions,
                               long replies, Instant createdAt, ThreadState state) implements AgendaOrder.Item {
    }

    /** A much-highlighted passage nobody has discussed yet. */
    public record AgendaPassage(String text, int start, int people, int highlights) {
    }

    /**
     * The agenda of a paper's meeting: the open questions and the unresolved notes (by
     * {@link ThreadState}), then the passages many highlighted and nobody discussed.
     * {@code canConclude}: the viewer may record the conclusion; {@code mayConcludeNow}: the
     * paper's status allows it ({@link ReadingStatus#canConclude}).
     */
    public record Agenda(long groupId, String groupName, long paperId, String title, String byline, long entryId,
                         ReadingStatus status, Meeting meeting, PaperStats stats, List<AgendaThread> openQuestions,
                         List<AgendaThread> unresolved, List<AgendaPassage> passages, String conclusion,
                         String conclusionHtml, String concludedBy, Instant concludedAt, boolean canConclude,
                         boolean mayConcludeNow) {
    }
}
