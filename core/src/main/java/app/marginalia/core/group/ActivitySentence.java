package app.marginalia.core.group;

import app.marginalia.core.discussion.DiscussionEvent;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The sentence of a line of a group's activity, written when the line is read from what the
 * row keeps (its kind, references and one small fact) and the names those references have now:
 * a renamed member or paper reads correctly in every old line, and another language needs only
 * another writer. The group is never named: lines are shown on the group's own pages.
 */
public final class ActivitySentence {

    /** As the group page shows a meeting, in the group's zone. */
    private static final DateTimeFormatter MEETING = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    /**
     * What a line refers to, by current name: who did it ({@code actor}), to whom ({@code subject}:
     * the member removed, promoted or handed the group), the paper's title, and the line's fact
     * ({@code detail}): a new role or status by name, a meeting as an ISO instant, how many seed
     * papers, or whether a conclusion moved the paper or replaced an earlier one (the event's
     * {@code ConclusionRecorded.detail}). Null where the line has none or the referenced row is gone.
     */
    public record Line(ActivityKind kind, String actor, String subject, String paper, String detail) {
    }

    private ActivitySentence() {
    }

    /**
     * Whether every fact this kind's sentence names is known. A line written before lines kept
     * their references has only its stored sentence, which is better than a vaguer new one.
     */
    public static boolean complete(Line line) {
        boolean paper = line.paper() != null;
        boolean subject = line.subject() != null;
        boolean detail = line.detail() != null;
        return line.actor() != null && switch (line.kind()) {
            case GROUP_CREATED, GROUP_EDITED, INVITATION_CREATED, INVITATION_REVOKED, MEMBER_JOINED, MEMBER_LEFT -> true;
            case MEMBER_REMOVED, OWNERSHIP_TRANSFERRED -> subject;
            case ROLE_CHANGED -> subject && role(line.detail()).isPresent();
            case PAPER_PROPOSED -> paper || detail;
            case STATUS_CHANGED -> paper && status(line.detail()).isPresent();
            case MEETING_SCHEDULED -> paper && instant(line.detail()).isPresent();
            // Stored sentences of conclusions said whether the paper moved; only newer lines keep that.
            case CONCLUSION_RECORDED -> paper && detail;
            case PAPER_REMOVED, VOTE_CAST, VOTE_WITHDRAWN, NOTE_ADDED, QUESTION_ASKED, NOTE_SHARED, REPLY_ADDED,
                 QUESTION_ANSWERED, THREAD_RESOLVED, THREAD_REOPENED -> paper;
        };
    }

    /**
     * The sentence, in English, with the meeting time in the group's {@code zone}. Missing facts
     * make it vaguer, never wrong: "Someone", "a former member", "a paper".
     */
    public static String write(Line line, ZoneId zone) {
        String who = line.actor() == null ? "Someone" : line.actor();
        String whom = line.subject() == null ? "a former member" : line.subject();
        String paper = line.paper() == null ? "a paper" : "“" + line.paper() + "”";
        String detail = line.detail();
        return who + " " + switch (line.kind()) {
            case GROUP_CREATED -> "created the group";
            case GROUP_EDITED -> "changed the group's settings";
            case INVITATION_CREATED -> "created an invitation link";
            case INVITATION_REVOKED -> "revoked an invitation link";
            case MEMBER_JOINED -> "joined through an invitation link";
            case MEMBER_LEFT -> "left the group";
            case MEMBER_REMOVED -> "removed " + whom;
            case ROLE_CHANGED -> role(detail).map(r -> "made " + whom + " a " + lower(r.label()))
                    .orElse("changed the role of " + whom);
            case OWNERSHIP_TRANSFERRED -> "handed ownership to " + whom;
            case PAPER_PROPOSED -> line.paper() == null && detail != null
                    ? "added the " + detail + " seed papers to the reading list" : "proposed " + paper;
            case STATUS_CHANGED -> status(detail).map(s -> "moved " + paper + " to " + lower(s.label()))
                    .orElse("moved " + paper + " on the list");
            case MEETING_SCHEDULED -> "scheduled " + paper + instant(detail)
                    .map(at -> " for " + MEETING.format(at.atZone(zone == null ? ZoneOffset.UTC : zone))).orElse("");
            case PAPER_REMOVED -> "removed " + paper + " from the list";
            case VOTE_CAST -> "voted for " + paper;
            case VOTE_WITHDRAWN -> "withdrew their vote for " + paper;
            case CONCLUSION_RECORDED -> DiscussionEvent.CONCLUSION_UPDATED.equals(detail)
                    ? "updated the conclusion on " + paper : "recorded the conclusion on " + paper
                    + (DiscussionEvent.CONCLUSION_MOVED.equals(detail) ? " and moved it to discussed" : "");
            case NOTE_ADDED -> "added a note on " + paper;
            case QUESTION_ASKED -> "asked a question on " + paper;
            case NOTE_SHARED -> "shared a note on " + paper;
            case REPLY_ADDED -> "replied on " + paper;
            case QUESTION_ANSWERED -> "marked an answer on " + paper;
            case THREAD_RESOLVED -> "resolved a thread on " + paper;
            case THREAD_REOPENED -> "reopened a thread on " + paper;
        };
    }

    private static Optional<Role> role(String detail) {
        return detail == null ? Optional.empty() : Role.parse(detail);
    }

    private static Optional<ReadingStatus> status(String detail) {
        return detail == null ? Optional.empty() : ReadingStatus.parse(detail);
    }

    private static Optional<Instant> instant(String detail) {
        try {
            return detail == null ? Optional.empty() : Optional.of(Instant.parse(detail));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String lower(String label) {
        return label.toLowerCase(Locale.ROOT);
    }
}
