package app.marginalia.web.group;

import app.marginalia.core.annotation.Selectors;
import app.marginalia.core.discussion.AgendaOrder;
import app.marginalia.core.discussion.MarkdownText;
import app.marginalia.core.discussion.Minutes;
import app.marginalia.core.discussion.PassageClusters;
import app.marginalia.core.discussion.ThreadState;
import app.marginalia.core.group.Action;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.annotation.Reaction;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.persistence.paper.PaperText;
import app.marginalia.web.group.GroupViews.Agenda;
import app.marginalia.web.group.GroupViews.AgendaPassage;
import app.marginalia.web.group.GroupViews.AgendaThread;
import app.marginalia.web.group.GroupViews.Meeting;
import app.marginalia.web.system.CurrentUser.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper's meeting, read only: the agenda (open questions, unresolved notes, much-highlighted
 * passages nobody discussed) and the minutes. Which thread is open or unresolved is
 * {@link ThreadState}'s answer, through {@link GroupThreads}; nothing here decides it again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AgendaReadModel {

    private final TrackingReadModel tracking;

    AgendaReadModel(TrackingReadModel tracking) {
        this.tracking = tracking;
    }

    public Agenda agenda(long groupId, long paperId, SignedIn user) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        ReadingListEntry entry = ReadingListEntry.forPaper(groupId, paperId).orElseThrow(NotFoundException::new);
        List<Annotation> notes = Annotation.ofGroup(paperId, groupId);
        GroupThreads threads = new GroupThreads(notes);
        Map<Long, Long> reactions = new HashMap<>();
        Reaction.totalsInGroup(paperId, groupId).forEach(r -> reactions.put(r.annotationId(), r.count()));
        List<AgendaThread> open = new ArrayList<>();
        List<AgendaThread> unresolved = new ArrayList<>();
        List<PassageClusters.Highlight> highlights = new ArrayList<>();
        List<int[]> discussed = new ArrayList<>();
        for (Annotation root : notes) {
            if (!root.isRoot()) {
                continue;
            }
            ThreadState state = threads.state(root);
            // Passages are positions in the current text: a detached thread's passage is not in it.
            boolean placed = root.start != null && !root.detached;
            if (state == ThreadState.NONE && placed) {
                highlights.add(new PassageClusters.Highlight(root.start, root.end, root.author.id));
            } else if (state.discussion() && placed) {
                discussed.add(new int[]{root.start, root.end});
            }
            if (state == ThreadState.OPEN || state == ThreadState.UNRESOLVED) {
                AgendaThread t = new AgendaThread(root.id, root.exact, root.detached, root.author.displayName,
                        root.bodyHtml, reactions.getOrDefault(root.id, 0L), threads.replies(root), root.createdAt, state);
                (state == ThreadState.OPEN ? open : unresolved).add(t);
            }
        }
        open.sort(AgendaOrder.comparator());
        unresolved.sort(AgendaOrder.comparator());
        List<PassageClusters.Passage> clusters = PassageClusters.undiscussed(highlights, discussed);
        List<AgendaPassage> passages = List.of();
        if (!clusters.isEmpty()) {
            String text = PaperText.findVersion(paperId, entry.paper.textVersion).orElseThrow().content;
            passages = clusters.stream().map(c -> new AgendaPassage(
                    MarkdownText.excerpt(Selectors.slice(text, c.start(), c.end()), 400),
                    c.start(), c.people(), c.highlights())).toList();
        }
        return new Agenda(groupId, at.group().name, paperId, entry.paper.title, entry.paper.byline(), entry.id,
                entry.status, Meeting.of(entry.meetingAt, MeetingTimes.zone(at.group())),
                tracking.stats(groupId, paperId, user.id()), open, unresolved, passages, entry.conclusion,
                entry.conclusionHtml, entry.concludedBy == null ? null : entry.concludedBy.displayName,
                entry.concludedAt, at.may(Action.RECORD_CONCLUSION), entry.status.canConclude());
    }

    /** The minutes of a paper's discussion in the group, as Markdown. */
    public String minutes(long groupId, long paperId, SignedIn user) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        ReadingListEntry entry = ReadingListEntry.forPaper(groupId, paperId).orElseThrow(NotFoundException::new);
        ZoneId zone = MeetingTimes.zone(at.group());
        List<Annotation> notes = Annotation.ofGroup(paperId, groupId);
        GroupThreads threads = new GroupThreads(notes);
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
        List<Minutes.Thread> written = new ArrayList<>();
        for (Annotation root : roots) {
            List<Minutes.Note> thread = new ArrayList<>();
            collect(root, 0, children, root, thread);
            written.add(new Minutes.Thread(threads.kind(root), threads.state(root), root.detached, root.exact, thread));
        }
        Meeting meeting = Meeting.of(entry.meetingAt, zone);
        Minutes.Header header = new Minutes.Header(at.group().name, entry.paper.title,
                entry.paper.byline(), entry.paper.link, entry.status.label(),
                meeting == null ? null : meeting.display() + " (" + zone.getId() + ")", zone, Instant.now());
        Minutes.Conclusion conclusion = entry.conclusion == null ? null : new Minutes.Conclusion(entry.conclusion,
                entry.concludedBy == null ? "a former member" : entry.concludedBy.displayName, entry.concludedAt);
        return Minutes.write(header, conclusion, written);
    }

    private static void collect(Annotation a, int depth, Map<Long, List<Annotation>> children, Annotation root,
                                List<Minutes.Note> out) {
        out.add(new Minutes.Note(a.author.displayName, a.createdAt, a.body, depth, a.id.equals(root.answerId), a.deleted));
        for (Annotation child : children.getOrDefault(a.id, List.of())) {
            collect(child, depth + 1, children, root, out);
        }
    }
}
