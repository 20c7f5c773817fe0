package app.marginalia.web.group;

import app.marginalia.core.discussion.Digest;
import app.marginalia.core.discussion.MarkdownText;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.ActivityKind;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.group.Activity;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.web.discussion.ActivityLines;
import app.marginalia.web.group.GroupViews.ActivityLine;
import app.marginalia.web.group.GroupViews.Candidate;
import app.marginalia.web.group.GroupViews.Choice;
import app.marginalia.web.group.GroupViews.FeedLine;
import app.marginalia.web.group.GroupViews.FeedPage;
import app.marginalia.web.group.GroupViews.Meeting;
import app.marginalia.web.group.GroupViews.PaperStats;
import app.marginalia.web.group.GroupViews.ReaderPanel;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each group's discussions stand, read only: counts per paper (threads by
 * {@code ThreadState}, counted in SQL by {@link Annotation#statsByPaper}), what is new to each
 * member since their last visit, the reader's group panel, the activity feed and its digest.
 * Everything here reads a group's notes only; private notes have no group and never count.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TrackingReadModel {

    /** Lines per page of the activity feed. */
    public static final int FEED_PAGE = 30;
    /** The deepest page of the feed that can be asked for. */
    public static final int FEED_PAGES_MAX = 1000;
    /** The most events one digest lists; a longer range is refused with a message. */
    public static final int DIGEST_MAX = 10_000;
    /** Lines of activity on the group page. */
    static final int ACTIVITY_SHOWN = 12;

    // ---- Counts ----

    /** Per paper of a group's list, for one member: counts and how many notes are new to them; two statements. */
    public Map<Long, PaperStats> stats(long groupId, long accountId) {
        return stats(groupId, null, accountId);
    }

    /** The same for one paper, without counting the rest of the list. */
    PaperStats stats(long groupId, long paperId, long accountId) {
        return stats(groupId, (Long) paperId, accountId).getOrDefault(paperId, PaperStats.NONE);
    }

    private static Map<Long, PaperStats> stats(long groupId, Long paperId, long accountId) {
        Map<Long, PaperStats> stats = new HashMap<>();
        for (Annotation.PaperStats counts : Annotation.statsByPaper(groupId, paperId)) {
            stats.put(counts.paperId(), PaperStats.of(counts));
        }
        for (Annotation.PaperCount fresh : Annotation.newByPaper(groupId, paperId, accountId)) {
            stats.compute(fresh.paperId(), (k, s) -> (s == null ? PaperStats.NONE : s).withFresh(fresh.count()));
        }
        return stats;
    }

    /** The group's status of a paper for the reader's panel; empty if the paper is not on its list. */
    public Optional<ReaderPanel> panel(long groupId, long paperId, SignedIn user) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        return ReadingListEntry.forPaper(groupId, paperId).map(e -> new ReaderPanel(groupId, at.group().name, e.id,
                e.status, Meeting.of(e.meetingAt, MeetingTimes.zone(at.group())),
                stats(groupId, paperId, user.id()), e.conclusionHtml,
                e.concludedBy == null ? null : e.concludedBy.displayName, e.concludedAt,
                at.may(Action.RECORD_CONCLUSION)));
    }

    // ---- Activity ----

    /** The latest lines for the group page, newest first. */
    List<ActivityLine> recentActivity(long groupId) {
        return Activity.recent(groupId, ACTIVITY_SHOWN).stream().map(a -> new ActivityLine(
                a.actor == null ? "Someone" : a.actor.displayName, sentence(a),
                Meeting.of(a.createdAt, ZoneId.of("UTC")).display() + " UTC", a.createdAt.toString())).toList();
    }

    public FeedPage feed(long groupId, SignedIn user, Long paperId, Long memberId, String category, int page) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        if (page < 1 || page > FEED_PAGES_MAX) {
            throw new InvalidFormException("page", "Pages go from 1 to " + FEED_PAGES_MAX + ".");
        }
        ActivityKind.Category chosen = null;
        if (category != null && !category.isBlank()) {
            chosen = ActivityKind.Category.parse(category)
                    .orElseThrow(() -> new InvalidFormException("kind", "Unknown kind of activity: choose one from the list."));
        }
        List<Activity> rows = Activity.page(groupId, new Activity.Filter(paperId, memberId,
                chosen == null ? null : chosen.kinds(), null, null), (page - 1) * FEED_PAGE, FEED_PAGE + 1);
        boolean more = rows.size() > FEED_PAGE;
        List<FeedLine> lines = rows.stream().limit(FEED_PAGE).map(TrackingReadModel::line).toList();
        List<Candidate> papers = ReadingListEntry.ofGroup(groupId).stream()
                .map(e -> new Candidate(e.paper.id, e.paper.title))
                .sorted(Comparator.comparing(c -> c.title().toLowerCase(Locale.ROOT))).toList();
        List<Candidate> members = Membership.ofGroup(groupId).stream()
                .map(m -> new Candidate(m.account.id, m.account.displayName)).toList();
        List<Choice> categories = new ArrayList<>();
        for (ActivityKind.Category c : ActivityKind.Category.values()) {
            categories.add(new Choice(c.name().toLowerCase(Locale.ROOT), c.label()));
        }
        LocalDate today = LocalDate.now(MeetingTimes.zone(at.group()));
        return new FeedPage(groupId, at.group().name, lines, page, more, paperId, memberId,
                chosen == null ? null : chosen.name().toLowerCase(Locale.ROOT), papers, members, categories,
                today.minusDays(6).toString(), today.toString());
    }

    private static FeedLine line(Activity a) {
        Annotation note = a.annotation;
        String excerpt = note == null || note.deleted ? null : MarkdownText.excerpt(note.body, 160);
        String link = note != null ? "/annotations/" + note.id
                : a.paper != null ? "/papers/" + a.paper.id + "?group=" + a.group.id : null;
        return new FeedLine(a.id, a.actor == null ? "Someone" : a.actor.displayName, a.actor == null ? null : a.actor.id,
                a.kind.name(), a.kind.category().name().toLowerCase(Locale.ROOT), sentence(a), excerpt,
                a.paper == null ? null : a.paper.id, a.paper == null ? null : a.paper.title, link, a.createdAt);
    }

    /**
     * The sentence of an activity line: the one place the group pages, the feed and the digest
     * get it from. Lines are written by the activity observer from the events; how a line becomes
     * a sentence (kind, references and detail, read with current names) belongs to it.
     */
    static String sentence(Activity a) {
        return ActivityLines.sentence(a);
    }

    /** The group's activity between two days (inclusive, in the group's zone), as Markdown. */
    public String digest(long groupId, SignedIn user, String fromInput, String toInput) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        ZoneId zone = MeetingTimes.zone(at.group());
        LocalDate to = toInput == null || toInput.isBlank() ? LocalDate.now(zone) : day("to", toInput);
        LocalDate from = fromInput == null || fromInput.isBlank() ? to.minusDays(6) : day("from", fromInput);
        if (from.isAfter(to)) {
            throw new InvalidFormException("from", "The first day must not be after the last.");
        }
        if (from.getYear() < 1970 || to.getYear() > 9999) {
            throw new InvalidFormException("from", "Choose days between 1970 and 9999.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= Digest.MAX_DAYS) {
            throw new InvalidFormException("from", "A digest covers at most " + Digest.MAX_DAYS + " days.");
        }
        List<Activity> rows = Activity.page(groupId, new Activity.Filter(null, null, null,
                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant()), 0, DIGEST_MAX + 1);
        if (rows.size() > DIGEST_MAX) {
            throw new InvalidFormException("from", "More than " + DIGEST_MAX + " events happened in these days; "
                    + "choose a shorter range.");
        }
        List<Digest.Line> lines = rows.stream().map(a -> new Digest.Line(a.createdAt, a.kind.category(), sentence(a),
                a.annotation == null || a.annotation.deleted ? null : a.annotation.body)).toList();
        return Digest.write(at.group().name, from, to, zone, lines);
    }

    /** The group's name, for file names; 404 for non-members like every other route. */
    public String groupName(long groupId, SignedIn user) {
        return GroupAccess.enter(groupId, user).group().name;
    }

    private static LocalDate day(String field, String input) {
        try {
            return LocalDate.parse(input.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFormException(field, "Give days as YYYY-MM-DD, e.g. 2026-12-01.");
        }
    }
}
