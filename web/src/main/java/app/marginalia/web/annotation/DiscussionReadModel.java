package app.marginalia.web.annotation;

import app.marginalia.core.annotation.HighlightLayout;
import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.ReactionKind;
import app.marginalia.core.discussion.ThreadState;
import app.marginalia.core.document.Document;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.Actor;
import app.marginalia.core.group.Policy;
import app.marginalia.core.group.Role;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.annotation.AnnotationRevision;
import app.marginalia.persistence.annotation.Reaction;
import app.marginalia.persistence.annotation.ReadMarker;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.web.system.CurrentUser.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static app.marginalia.web.annotation.NoteAccess.visibleTo;

/**
 * The discussion as one person reads it: a paper's threads in one of their discussions with the
 * controls that will work for them, one thread, one note, its history and its permalink. Every
 * read checks visibility first (404 otherwise) and asks core's {@link Policy} for each control.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DiscussionReadModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** The discussion of a paper for one viewer, in a fixed number of statements. */
    public DiscussionView discussion(long paperId, Document document, Optional<SignedIn> viewer, Long requestedGroup) {
        if (viewer.isEmpty()) {
            return new DiscussionView(false, null, null, List.of(), false, DocumentLayout.of(document, List.of(), Map.of()),
                    List.of(), 0, 0, 0, 0);
        }
        SignedIn user = viewer.get();
        List<Membership> memberships = Membership.readingPaper(user.id(), paperId);
        // ?group=0 asks for the private notes only; no choice means the first group reading the paper.
        boolean privateOnly = requestedGroup != null && requestedGroup == 0;
        Membership selected = memberships.stream().filter(m -> m.group.id.equals(requestedGroup)).findFirst()
                .orElse(privateOnly || memberships.isEmpty() ? null : memberships.get(0));
        Long groupId = selected == null ? null : selected.group.id;
        List<Annotation> visible = Annotation.visible(paperId, groupId, user.id());
        Actor actor = Actor.account(user.administrator(), selected == null ? null : selected.role);
        List<DiscussionView.Thread> threads = threads(visible, reactions(paperId, groupId, user), user, actor,
                seenSince(user, groupId, paperId));
        List<DiscussionView.Option> options = new ArrayList<>();
        memberships.forEach(m -> options.add(new DiscussionView.Option(m.group.id, m.group.name, m.group.id.equals(groupId))));
        List<HighlightLayout.Range> ranges = visible.stream().filter(a -> a.isRoot() && a.start != null && !a.detached)
                .map(a -> new HighlightLayout.Range(a.id, a.start, a.end)).toList();
        Map<Long, Annotation> byId = new HashMap<>();
        visible.forEach(a -> byId.put(a.id, a));
        Map<ThreadState, Integer> states = new EnumMap<>(ThreadState.class);
        int fresh = 0;
        for (DiscussionView.Thread t : threads) {
            fresh += t.freshNotes();
            states.merge(t.state(), 1, Integer::sum);
        }
        return new DiscussionView(true, groupId, selected == null ? null : selected.group.name, options,
                true, DocumentLayout.of(document, ranges, byId), threads, states.getOrDefault(ThreadState.OPEN, 0),
                states.getOrDefault(ThreadState.ANSWERED, 0), states.getOrDefault(ThreadState.RESOLVED, 0), fresh);
    }

    /**
     * One thread as the reader shows it to this viewer in the given discussion, for pages
     * that insert live changes; 404 if the viewer may not see it.
     */
    public DiscussionView.Thread thread(long threadId, SignedIn user) {
        Annotation root = visibleTo(threadId, user).annotation();
        if (!root.isRoot()) {
            throw new NotFoundException();
        }
        List<Annotation> visible = Annotation.thread(threadId);
        Long groupId = root.group == null ? null : root.group.id;
        Role role = groupId == null ? null : Membership.find(groupId, user.id()).map(m -> m.role).orElse(null);
        return threads(visible, reactions(root.paper.id, groupId, user), user, Actor.account(user.administrator(), role),
                seenSince(user, groupId, root.paper.id)).get(0);
    }

    /** The groups a private note may be shared with: the viewer's groups that read its paper; none for a group note. */
    public List<DiscussionView.Option> shareOptions(Annotation root, SignedIn user) {
        if (root.group != null || !root.author.id.equals(user.id())) {
            return List.of();
        }
        return Membership.readingPaper(user.id(), root.paper.id).stream()
                .map(m -> new DiscussionView.Option(m.group.id, m.group.name, false)).toList();
    }

    /** Where a note lives: its paper, scrolled to its thread, in its discussion; 404 if not visible. */
    public String permalink(long annotationId, SignedIn user) {
        Annotation a = visibleTo(annotationId, user).annotation();
        return "/papers/" + a.paper.id + "?group=" + (a.group == null ? 0 : a.group.id) + "#annotation-" + a.id;
    }

    /** A single note the user may see; 404 otherwise. */
    public Annotation find(long annotationId, SignedIn user) {
        return visibleTo(annotationId, user).annotation();
    }

    /** The notes of a paper the user may see in one group's discussion (or only their private ones). */
    public List<Annotation> visibleOn(long paperId, SignedIn user, Long groupId) {
        Paper.<Paper>findByIdOptional(paperId).orElseThrow(NotFoundException::new);
        if (groupId != null && groupId != 0 && Membership.find(groupId, user.id()).isEmpty()) {
            throw new NotFoundException();
        }
        return Annotation.visible(paperId, groupId == null || groupId == 0 ? null : groupId, user.id());
    }

    /** A note's earlier versions; 404 unless the user may see the note. */
    public List<AnnotationRevision> history(long annotationId, SignedIn user) {
        visibleTo(annotationId, user);
        return AnnotationRevision.of(annotationId);
    }

    // ---- Assembly ----

    /** Reaction counts per note and kind on a paper as the viewer sees it, and whether they gave each. */
    private static Map<Long, Map<ReactionKind, Reaction.Count>> reactions(long paperId, Long groupId, SignedIn user) {
        Map<Long, Map<ReactionKind, Reaction.Count>> reactions = new HashMap<>();
        for (Reaction.Count c : Reaction.countsVisible(paperId, groupId, user.id())) {
            reactions.computeIfAbsent(c.annotationId(), k -> new EnumMap<>(ReactionKind.class)).put(c.kind(), c);
        }
        return reactions;
    }

    /**
     * Since when what others wrote in a group is new to the viewer: their last visit, or ever.
     * Private notes are the viewer's own, so nothing in them is new.
     */
    private static Instant seenSince(SignedIn user, Long groupId, long paperId) {
        return groupId == null ? Instant.MAX : ReadMarker.seenAt(user.id(), groupId, paperId).orElse(Instant.EPOCH);
    }

    private static List<DiscussionView.Thread> threads(List<Annotation> visible,
                                                       Map<Long, Map<ReactionKind, Reaction.Count>> reactions,
                                                       SignedIn user, Actor groupActor, Instant seen) {
        Map<Long, Integer> fresh = new HashMap<>();
        Set<Long> withReplies = new HashSet<>();
        for (Annotation a : visible) {
            if (a.group != null && !a.deleted && a.createdAt.isAfter(seen) && !a.author.id.equals(user.id())) {
                fresh.merge(a.threadId(), 1, Integer::sum);
            }
            if (!a.isRoot() && !a.deleted) {
                withReplies.add(a.rootId);
            }
        }
        Map<Long, List<Annotation>> children = new HashMap<>();
        List<Annotation> roots = new ArrayList<>();
        for (Annotation a : visible) {
            if (a.isRoot()) {
                roots.add(a);
            } else {
                children.computeIfAbsent(a.parentId, k -> new ArrayList<>()).add(a);
            }
        }
        roots.sort(Annotation.READING_ORDER);
        List<DiscussionView.Thread> threads = new ArrayList<>();
        for (Annotation root : roots) {
            Actor actor = root.group == null ? Actor.account(user.administrator(), Role.OWNER) : groupActor;
            boolean rootAuthor = root.author.id.equals(user.id());
            List<DiscussionView.Note> replies = new ArrayList<>();
            collect(root.id, 1, children, replies, root, reactions, user, actor);
            ThreadState state = root.thread(withReplies.contains(root.id)).state();
            threads.add(new DiscussionView.Thread(root.id, note(root, 0, root, reactions, user, actor), replies, root.exact,
                    root.start, root.resolved, root.motivation == Motivation.QUESTIONING, root.answerId != null,
                    root.group == null, Policy.allows(Action.RESOLVE_THREAD, actor.asAuthor(rootAuthor)),
                    root.group == null && rootAuthor, root.detached, root.detached
                    && Policy.allows(Action.REATTACH_NOTE, actor), fresh.getOrDefault(root.id, 0), state));
        }
        return threads;
    }

    private static void collect(long parentId, int depth, Map<Long, List<Annotation>> children,
                                List<DiscussionView.Note> out, Annotation root,
                                Map<Long, Map<ReactionKind, Reaction.Count>> reactions, SignedIn user, Actor actor) {
        for (Annotation child : children.getOrDefault(parentId, List.of())) {
            out.add(note(child, depth, root, reactions, user, actor));
            collect(child.id, depth + 1, children, out, root, reactions, user, actor);
        }
    }

    private static DiscussionView.Note note(Annotation a, int depth, Annotation root,
                                            Map<Long, Map<ReactionKind, Reaction.Count>> reactions, SignedIn user,
                                            Actor actor) {
        boolean mine = a.author.id.equals(user.id());
        Actor asAuthor = actor.asAuthor(mine);
        Map<ReactionKind, Reaction.Count> counts = reactions.getOrDefault(a.id, Map.of());
        List<DiscussionView.Reaction> reactionViews = new ArrayList<>();
        for (ReactionKind kind : ReactionKind.values()) {
            Reaction.Count c = counts.get(kind);
            reactionViews.add(new DiscussionView.Reaction(kind.name(), kind.symbol(), kind.label(),
                    c == null ? 0 : c.count(), c != null && c.mine()));
        }
        boolean question = root.motivation == Motivation.QUESTIONING;
        boolean rootAuthor = root.author.id.equals(user.id());
        return new DiscussionView.Note(a.id, root.id, Math.min(depth, 4), a.author.displayName, a.motivation.name(),
                a.bodyHtml, a.body, a.tagList(), WHEN.format(a.createdAt) + " UTC", a.createdAt.toString(),
                a.editedAt != null, a.deleted, a.version, !a.deleted && Policy.allows(Action.EDIT_NOTE, asAuthor),
                !a.deleted && Policy.allows(Action.DELETE_NOTE, asAuthor), Policy.allows(Action.REPLY, asAuthor),
                !a.deleted && Policy.allows(Action.REACT, asAuthor), a.id.equals(root.answerId),
                question && !a.isRoot() && !a.deleted && Policy.allows(Action.ANSWER_QUESTION, actor.asAuthor(rootAuthor)),
                reactionViews);
    }
}
