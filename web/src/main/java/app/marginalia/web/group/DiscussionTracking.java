package app.marginalia.web.group;

import app.marginalia.core.annotation.AnnotationLimits;
import app.marginalia.core.annotation.Markdown;
import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.Selectors;
import app.marginalia.core.discussion.AgendaOrder;
import app.marginalia.core.discussion.Digest;
import app.marginalia.core.discussion.MarkdownText;
import app.marginalia.core.discussion.Minutes;
import app.marginalia.core.discussion.PassageClusters;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.ActivityKind;
import app.marginalia.core.group.ReadingStatus;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.annotation.Reaction;
import app.marginalia.persistence.annotation.ReadMarker;
import app.marginalia.persistence.group.Activity;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.persistence.paper.PaperText;
import app.marginalia.web.discussion.ActivityLines;
import app.marginalia.web.group.GroupViews.Meeting;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
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
 * Where each group's discussions stand: counts per paper, what is new for each member since
 * their last visit, the activity feed, the agenda for a meeting, the recorded conclusion,
 * and the minutes and digest as Markdown. Everything here reads a group's notes only; private
 * notes have no group and so never reach a count, a feed, an agenda or the minutes.
 */
@ApplicationScoped
@Transactional
public class DiscussionTracking {

    /** Lines per page of the activity feed. */
    public static final int FEED_PAGE = 30;
    /** The deepest page of the feed that can be asked for. */
    public static final int FEED_PAGES_MAX = 1000;
    /** The most events one digest lists; a longer range is refused with a message. */
    public static final int DIGEST_MAX = 10_000;

    /** Where the discussion of one paper in one group stands. */
    public record PaperStats(long openQuestions, long answeredQuestions, long resolvedThreads, long unresolvedThreads,
                             long notes, long highlights, long participants, Instant lastActivity, long fresh) {
        public static final PaperStats NONE = new PaperStats(0, 0, 0, 0, 0, 0, 0, null, 0);

        public boolean quiet() {
            return notes == 0 && highlights == 0;
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

    // ---- Counts and markers ----

    /** Per paper of a group's list, for one member: counts and how many notes are new to them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, PaperStats> stats(long groupId, long accountId) {
        return stats(groupId, null, accountId);
    }

    /** The same for one paper, without counting the rest of the list. */
    private static PaperStats stats(long groupId, long paperId, long accountId) {
        return stats(groupId, (Long) paperId, accountId).getOrDefault(paperId, PaperStats.NONE);
    }

    private static Map<Long, PaperStats> stats(long groupId, Long paperId, long accountId) {
        Map<Long, PaperStats> stats = new HashMap<>();
        for (Object[] row : Annotation.statsByPaper(groupId, paperId)) {
            stats.put((Long) row[0], new PaperStats(n(row[1]), n(row[2]), n(row[3]), n(row[4]), n(row[5]), n(row[6]),
                    n(row[7]), (Instant) row[8], 0));
        }
        for (Object[] row : Annotation.newByPaper(groupId, paperId, accountId)) {
            stats.compute((Long) row[0], (k, s) -> (s == null ? PaperStats.NONE : s).withFresh(n(row[1])));
        }
        return stats;
    }

    /** For the library: per paper, notes new to the member across all their groups. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> freshInMyGroups(long accountId) {
        Map<Long, Long> fresh = new HashMap<>();
        Annotation.newInMyGroups(accountId).forEach(row -> fresh.put((Long) row[0], n(row[1])));
        return fresh;
    }

    /** The group's status of a paper for the reader's panel; empty if the paper is not on its list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReaderPanel> panel(long groupId, long paperId, SignedIn user) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        return ReadingListEntry.forPaper(groupId, paperId).map(e -> new ReaderPanel(groupId, at.group().name, e.id,
                e.status, Meeting.of(e.meetingAt, ZoneId.of(at.group().timeZone)),
                stats(groupId, paperId, user.id()), e.conclusionHtml,
                e.concludedBy == null ? null : e.concludedBy.displayName, e.concludedAt,
                at.may(Action.RECORD_CONCLUSION)));
    }

    /**
     * Marks the paper's discussion in the group seen up to {@code upTo} (the moment the member's
     * page was rendered, so a note saved after it stays new; never later than now, and a marker
     * never moves back); 404 unless a member and the paper is on the list. Only this POST writes
     * the marker: opening the reader is a GET and changes nothing.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void seen(long groupId, long paperId, SignedIn user, Instant upTo) {
        QuarkusTransaction.requiringNew().run(() -> {
            GroupAccess.enter(groupId, user);
            if (!ReadingListEntry.listed(groupId, paperId)) {
                throw new NotFoundException();
            }
        });
        Instant now = Instant.now();
        // Whatever a client sends: no later than now, no earlier than 1970 (every database stores that).
        Instant at = upTo == null || upTo.isAfter(now) ? now : upTo.isBefore(Instant.EPOCH) ? Instant.EPOCH : upTo;
        markSeen(user.id(), groupId, paperId, at);
    }

    /**
     * Records that the member has now seen the paper's discussion in the group. Runs in its
     * own transaction: two tabs marking the same paper at once must not fail the request.
     */
    private void markSeen(long accountId, long groupId, long paperId, Instant at) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (!ReadMarker.advance(accountId, groupId, paperId, at)) {
                    ReadMarker marker = new ReadMarker();
                    marker.accountId = accountId;
                    marker.groupId = groupId;
                    marker.paperId = paperId;
                    marker.seenAt = at;
                    marker.persist();
                }
            });
        } catch (RuntimeException raced) {
            // Another request created the marker at the same moment; it says the same thing.
            io.quarkus.logging.Log.debugf("Read marker raced for account %d, paper %d", accountId, paperId);
        }
    }

    // ---- Activity feed ----

    /** A line of the feed. */
    public record FeedLine(long id, String actor, Long actorId, String kind, String category, String summary,
                           String excerpt, Long paperId, String paperTitle, String link, Instant at) {
    }

    /** One page of the feed, with the filters that made it and the choices for the filter form. */
    public record FeedPage(long groupId, String groupName, List<FeedLine> lines, int page, boolean more,
                           Long paperId, Long memberId, String category, List<GroupViews.Candidate> papers,
                           List<GroupViews.Candidate> members, List<Choice> categories, String digestFrom,
                           String digestTo) {
    }

    /** An option of a filter. */
    public record Choice(String value, String label) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
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
        List<FeedLine> lines = rows.stream().limit(FEED_PAGE).map(DiscussionTracking::line).toList();
        List<GroupViews.Candidate> papers = ReadingListEntry.ofGroup(groupId).stream()
                .map(e -> new GroupViews.Candidate(e.paper.id, e.paper.title))
                .sorted(Comparator.comparing(c -> c.title().toLowerCase(Locale.ROOT))).toList();
        List<GroupViews.Candidate> members = Membership.ofGroup(groupId).stream()
                .map(m -> new GroupViews.Candidate(m.account.id, m.account.displayName)).toList();
        List<Choice> categories = new ArrayList<>();
        for (ActivityKind.Category c : ActivityKind.Category.values()) {
            categories.add(new Choice(c.name().toLowerCase(Locale.ROOT), c.label()));
        }
        LocalDate today = LocalDate.now(ZoneId.of(at.group().timeZone));
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
                a.kind.name(), a.kind.category().name().toLowerCase(Locale.ROOT), ActivityLines.sentence(a), excerpt,
                a.paper == null ? null : a.paper.id, a.paper == null ? null : a.paper.title, link, a.createdAt);
    }

    // ---- Agenda ----

    /** A thread on the agenda. */
    public record AgendaThread(long id, String quote, String author, String bodyHtml, long reactions, long replies,
                               Instant createdAt, boolean answered) implements AgendaOrder.Item {
    }

    /** A much-highlighted passage nobody has discussed yet. */
    public record AgendaPassage(String text, int start, int people, int highlights) {
    }

    /** The agenda of a paper's meeting. */
    public record Agenda(long groupId, String groupName, long paperId, String title, String byline, long entryId,
                         ReadingStatus status, Meeting meeting, PaperStats stats, List<AgendaThread> openQuestions,
                         List<AgendaThread> unresolved, List<AgendaPassage> passages, String conclusion,
                         String conclusionHtml, String concludedBy, Instant concludedAt, boolean canConclude,
                         boolean mayConcludeNow) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Agenda agenda(long groupId, long paperId, SignedIn user) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        ReadingListEntry entry = ReadingListEntry.forPaper(groupId, paperId).orElseThrow(NotFoundException::new);
        List<Annotation> notes = Annotation.ofGroup(paperId, groupId);
        Map<Long, Long> reactions = new HashMap<>();
        Reaction.totalsInGroup(paperId, groupId).forEach(r -> reactions.put(r.annotationId(), r.count()));
        Map<Long, Long> replies = new HashMap<>();
        notes.stream().filter(a -> !a.isRoot() && !a.deleted).forEach(a -> replies.merge(a.rootId, 1L, Long::sum));
        List<AgendaThread> open = new ArrayList<>();
        List<AgendaThread> unresolved = new ArrayList<>();
        List<PassageClusters.Highlight> highlights = new ArrayList<>();
        List<int[]> discussed = new ArrayList<>();
        for (Annotation a : notes) {
            if (!a.isRoot() || a.deleted || a.detached) {
                continue;
            }
            boolean hasReplies = replies.containsKey(a.id);
            if (a.motivation == Motivation.HIGHLIGHTING && !hasReplies && (a.body == null || a.body.isBlank())) {
                if (a.start != null) {
                    highlights.add(new PassageClusters.Highlight(a.start, a.end, a.author.id));
                }
                continue;
            }
            if (a.start != null) {
                discussed.add(new int[]{a.start, a.end});
            }
            if (a.resolved) {
                continue;
            }
            AgendaThread t = new AgendaThread(a.id, a.exact, a.author.displayName, a.bodyHtml,
                    reactions.getOrDefault(a.id, 0L), replies.getOrDefault(a.id, 0L), a.createdAt, a.answerId != null);
            if (a.motivation == Motivation.QUESTIONING && a.answerId == null) {
                open.add(t);
            } else if (a.motivation != Motivation.QUESTIONING) {
                unresolved.add(t);
            }
        }
        open.sort(AgendaOrder.comparator());
        unresolved.sort(AgendaOrder.comparator());
        List<PassageClusters.Passage> clusters = PassageClusters.undiscussed(highlights, discussed);
        List<AgendaPassage> passages = List.of();
        if (!clusters.isEmpty()) {
            String text = PaperText.findVersion(paperId, entry.paper.textVersion).orElseThrow().content;
            passages = clusters.stream().map(c -> new AgendaPassage(MarkdownText.excerpt(Selectors.slice(text, c.start(), c.end()), 400),
                    c.start(), c.people(), c.highlights())).toList();
        }
        return new Agenda(groupId, at.group().name, paperId, entry.paper.title, entry.paper.byline(), entry.id, entry.status, Meeting.of(entry.meetingAt,
                ZoneId.of(at.group().timeZone)), stats(groupId, paperId, user.id()), open,
                unresolved, passages, entry.conclusion, entry.conclusionHtml,
                entry.concludedBy == null ? null : entry.concludedBy.displayName, entry.concludedAt,
                at.may(Action.RECORD_CONCLUSION), concludable(entry.status));
    }

    // ---- Conclusion ----

    /**
     * Records what the group concluded and moves the paper to DISCUSSED (a paper already
     * discussed keeps its status and gets the new text). Moderators and owners only.
     */
    public void conclude(long groupId, long paperId, SignedIn user, String text) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.RECORD_CONCLUSION, "Only the group's owners and moderators record its conclusion.");
        ReadingListEntry entry = ReadingListEntry.forPaper(groupId, paperId).orElseThrow(NotFoundException::new);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidFormException("conclusion", "Write what the group concluded.");
        }
        if (body.length() > AnnotationLimits.BODY_MAX) {
            throw new InvalidFormException("conclusion", "A conclusion can be at most " + AnnotationLimits.BODY_MAX
                    + " characters; this one has " + body.length() + ".");
        }
        if (!concludable(entry.status)) {
            throw new InvalidFormException("conclusion", "A paper that is " + entry.status.label().toLowerCase(Locale.ROOT)
                    + " cannot be concluded; schedule its meeting first.");
        }
        boolean moved = entry.status != ReadingStatus.DISCUSSED;
        Account who = at.membership().account;
        entry.status = ReadingStatus.DISCUSSED;
        entry.conclusion = body;
        entry.conclusionHtml = Markdown.toSafeHtml(body);
        entry.concludedBy = who;
        entry.concludedAt = Instant.now();
        entry.updatedAt = entry.concludedAt;
        Activity.record(at.group(), who, ActivityKind.CONCLUSION_RECORDED, who.displayName
                + (moved ? " recorded the conclusion on “" : " updated the conclusion on “") + entry.paper.title
                + "”" + (moved ? " and moved it to discussed" : ""), entry.paper, null);
    }

    /** A paper whose meeting is scheduled, being read, or discussed (to change the conclusion) can be concluded. */
    private static boolean concludable(ReadingStatus status) {
        return status == ReadingStatus.SCHEDULED || status == ReadingStatus.READING || status == ReadingStatus.DISCUSSED;
    }

    // ---- Minutes and digest ----

    /** The minutes of a paper's discussion in the group, as Markdown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String minutes(long groupId, long paperId, SignedIn user) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        ReadingListEntry entry = ReadingListEntry.forPaper(groupId, paperId).orElseThrow(NotFoundException::new);
        ZoneId zone = ZoneId.of(at.group().timeZone);
        List<Annotation> notes = Annotation.ofGroup(paperId, groupId);
        Map<Long, List<Annotation>> children = new HashMap<>();
        List<Annotation> roots = new ArrayList<>();
        for (Annotation a : notes) {
            if (a.isRoot()) {
                roots.add(a);
            } else {
                children.computeIfAbsent(a.parentId, k -> new ArrayList<>()).add(a);
            }
        }
        roots.sort(Annotation.READING_ORDER);
        List<Minutes.Thread> threads = new ArrayList<>();
        for (Annotation root : roots) {
            List<Minutes.Note> thread = new ArrayList<>();
            collect(root, 0, children, root, thread);
            String kind = switch (root.motivation) {
                case QUESTIONING -> "Question";
                case HIGHLIGHTING -> "Highlight";
                default -> "Note";
            };
            threads.add(new Minutes.Thread(root.detached ? kind + " (passage no longer in the text)" : kind, root.exact,
                    root.motivation == Motivation.QUESTIONING, root.answerId != null, root.resolved, thread));
        }
        Meeting meeting = Meeting.of(entry.meetingAt, zone);
        Minutes.Header header = new Minutes.Header(at.group().name, entry.paper.title,
                entry.paper.byline(), entry.paper.link, entry.status.label(),
                meeting == null ? null : meeting.display() + " (" + zone.getId() + ")", zone, Instant.now());
        Minutes.Conclusion conclusion = entry.conclusion == null ? null : new Minutes.Conclusion(entry.conclusion,
                entry.concludedBy == null ? "a former member" : entry.concludedBy.displayName, entry.concludedAt);
        return Minutes.write(header, conclusion, threads);
    }

    private static void collect(Annotation a, int depth, Map<Long, List<Annotation>> children, Annotation root,
                                List<Minutes.Note> out) {
        out.add(new Minutes.Note(a.author.displayName, a.createdAt, a.body, depth, a.id.equals(root.answerId), a.deleted));
        for (Annotation child : children.getOrDefault(a.id, List.of())) {
            collect(child, depth + 1, children, root, out);
        }
    }

    /** The group's activity between two days (inclusive, in the group's zone), as Markdown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String digest(long groupId, SignedIn user, String fromInput, String toInput) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        ZoneId zone = ZoneId.of(at.group().timeZone);
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
        List<Digest.Line> lines = rows.stream().map(a -> new Digest.Line(a.createdAt, a.kind.category(), ActivityLines.sentence(a),
                a.annotation == null || a.annotation.deleted ? null : a.annotation.body)).toList();
        return Digest.write(at.group().name, from, to, zone, lines);
    }

    /** The group's name, for file names; 404 for non-members like every other route. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String groupName(long groupId, SignedIn user) {
        return GroupAccess.enter(groupId, user).group().name;
    }

    // ---- Helpers ----

    private static LocalDate day(String field, String input) {
        try {
            return LocalDate.parse(input.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFormException(field, "Give days as YYYY-MM-DD, e.g. 2026-12-01.");
        }
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
