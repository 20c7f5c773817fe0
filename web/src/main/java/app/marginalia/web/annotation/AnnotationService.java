package app.marginalia.web.annotation;

import app.marginalia.core.annotation.AnnotationLimits;
import app.marginalia.core.annotation.HighlightLayout;
import app.marginalia.core.annotation.Markdown;
import app.marginalia.core.annotation.Mentions;
import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.NoteDraft;
import app.marginalia.core.annotation.ReactionKind;
import app.marginalia.core.annotation.Reanchor;
import app.marginalia.core.annotation.Selectors;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;
import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.discussion.LiveEvent;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.ActivityKind;
import app.marginalia.core.group.Actor;
import app.marginalia.core.group.Policy;
import app.marginalia.core.group.Role;
import app.marginalia.core.document.Block;
import app.marginalia.core.document.BlockKind;
import app.marginalia.core.document.Document;
import app.marginalia.core.paper.FieldProblem;
import app.marginalia.core.system.RequestKey;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.annotation.AnnotationRevision;
import app.marginalia.persistence.annotation.Notification;
import app.marginalia.persistence.annotation.Reaction;
import app.marginalia.persistence.annotation.ReadMarker;
import app.marginalia.persistence.group.Activity;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperText;
import app.marginalia.web.live.LiveEvents;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import org.hibernate.StaleStateException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Highlights, notes and threads. Every read and write checks first that the person may see
 * the note (private notes: only their author; group notes: only the group's members; anything
 * else is 404), then asks core's {@link Policy} whether they may do what they ask.
 */
@ApplicationScoped
@Transactional
public class AnnotationService {

    private final LiveEvents live;
    private final DiscussionEvents events;

    AnnotationService(LiveEvents live, DiscussionEvents events) {
        this.live = live;
        this.events = events;
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /**
     * A new highlight or note, as the reader's form or script sends it; {@code requestKey}, when
     * given, makes a repeat of the same request answer with the note the first one saved.
     */
    public record NewAnnotation(Long groupId, Motivation motivation, TextPositionSelector position,
                                TextQuoteSelector quote, NoteDraft note, String requestKey) {
    }

    // ---- Reading ----

    /** The discussion of a paper for one viewer, in a fixed number of statements. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DiscussionView discussion(long paperId, Document document, Optional<SignedIn> viewer, Long requestedGroup) {
        if (viewer.isEmpty()) {
            return new DiscussionView(false, null, null, List.of(), false, layout(document, List.of(), Map.of()),
                    List.of(), 0, 0, 0, 0);
        }
        SignedIn user = viewer.get();
        List<Membership> memberships = Membership.find("select m from Membership m join fetch m.group g where "
                + "m.account.id = ?1 and exists (select 1 from ReadingListEntry e where e.group = g and e.paper.id = ?2) "
                + "order by g.name", user.id(), paperId).list();
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
        int open = 0, answered = 0, resolved = 0, fresh = 0;
        for (DiscussionView.Thread t : threads) {
            fresh += t.freshNotes();
            open += t.question() && !t.answered() && !t.resolved() ? 1 : 0;
            answered += t.question() && t.answered() ? 1 : 0;
            resolved += t.resolved() ? 1 : 0;
        }
        return new DiscussionView(true, groupId, selected == null ? null : selected.group.name, options,
                true, layout(document, ranges, byId), threads, open, answered, resolved, fresh);
    }

    /**
     * One thread as the reader shows it to this viewer in the given discussion, for pages
     * that insert live changes; 404 if the viewer may not see it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DiscussionView.Thread thread(long threadId, SignedIn user) {
        Annotation root = visibleTo(threadId, user).annotation();
        if (!root.isRoot()) {
            throw new NotFoundException();
        }
        List<Annotation> visible = Annotation.find("select a from Annotation a join fetch a.author "
                + "where a.id = ?1 or a.rootId = ?1 order by a.createdAt, a.id", threadId).list();
        Long groupId = root.group == null ? null : root.group.id;
        Role role = groupId == null ? null : Membership.find(groupId, user.id()).map(m -> m.role).orElse(null);
        return threads(visible, reactions(root.paper.id, groupId, user), user, Actor.account(user.administrator(), role),
                seenSince(user, groupId, root.paper.id)).get(0);
    }

    /** Where a note lives: its paper, scrolled to its thread, in its discussion; 404 if not visible. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String permalink(long annotationId, SignedIn user) {
        Annotation a = visibleTo(annotationId, user).annotation();
        return "/papers/" + a.paper.id + "?group=" + (a.group == null ? 0 : a.group.id) + "#annotation-" + a.id;
    }

    /** A single note the user may see; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Annotation find(long annotationId, SignedIn user) {
        return visibleTo(annotationId, user).annotation();
    }

    /** The notes of a paper the user may see in one group's discussion (or only their private ones). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Annotation> visibleOn(long paperId, SignedIn user, Long groupId) {
        Paper.<Paper>findByIdOptional(paperId).orElseThrow(NotFoundException::new);
        if (groupId != null && groupId != 0 && Membership.find(groupId, user.id()).isEmpty()) {
            throw new NotFoundException();
        }
        return Annotation.visible(paperId, groupId == null || groupId == 0 ? null : groupId, user.id());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnnotationRevision> history(long annotationId, SignedIn user) {
        visibleTo(annotationId, user);
        return AnnotationRevision.of(annotationId);
    }

    // ---- Writing ----

    public Annotation create(long paperId, SignedIn user, NewAnnotation request) {
        // A shared lock on the paper: a text edit (which locks the paper for update and re-anchors
        // every note) cannot commit between our reading the current text version and inserting the
        // note, so a new note never stays anchored to a version that was replaced meanwhile.
        Paper paper = Paper.<Paper>findByIdOptional(paperId, LockModeType.PESSIMISTIC_READ)
                .orElseThrow(NotFoundException::new);
        ReadingGroup group = null;
        if (request.groupId() != null) {
            Membership membership = Membership.find(request.groupId(), user.id()).orElseThrow(NotFoundException::new);
            require(Action.ANNOTATE, Actor.account(user.administrator(), membership.role), "You cannot annotate in this group.");
            if (!ReadingListEntry.listed(request.groupId(), paperId)) {
                throw new UnprocessableException("This paper is not on the group's reading list; add it there first.");
            }
            group = membership.group;
        }
        Motivation motivation = request.motivation() == null ? Motivation.COMMENTING : request.motivation();
        if (motivation == Motivation.REPLYING) {
            throw new InvalidFormException("motivation", "Reply to a note from its thread.");
        }
        if (request.position() == null && motivation == Motivation.HIGHLIGHTING) {
            throw new InvalidFormException("motivation", "A highlight needs a passage; a note on the whole paper needs text.");
        }
        problems(request.note(), motivation != Motivation.HIGHLIGHTING);
        Long groupId = group == null ? null : group.id;
        Optional<Annotation> first = alreadySaved(user, request.requestKey(), earlier -> earlier.isRoot()
                && earlier.paper.id.equals(paperId) && Objects.equals(groupId, earlier.group == null ? null : earlier.group.id)
                && earlier.motivation == motivation && earlier.body.equals(request.note().body())
                && Objects.equals(earlier.start, request.position() == null ? null : request.position().start())
                && Objects.equals(earlier.end, request.position() == null ? null : request.position().end()));
        if (first.isPresent()) {
            return first.get();
        }
        Account author = Account.findById(user.id());
        Annotation a = new Annotation();
        a.paper = paper;
        a.textVersion = paper.textVersion;
        a.group = group;
        a.author = author;
        a.motivation = motivation;
        if (request.position() != null) {
            String text = PaperText.findVersion(paperId, paper.textVersion).orElseThrow().content;
            TextQuoteSelector quote = checkedQuote(text, request.position(), request.quote());
            a.exact = quote.exact();
            a.prefix = quote.prefix();
            a.suffix = quote.suffix();
            a.start = request.position().start();
            a.end = request.position().end();
        }
        fill(a, request.note());
        a.requestKey = request.requestKey();
        a.createdAt = Instant.now();
        a.updatedAt = a.createdAt;
        a.persist();
        notifyMentions(a, author);
        if (group != null && motivation != Motivation.HIGHLIGHTING) {
            boolean question = motivation == Motivation.QUESTIONING;
            Activity.record(group, author, question ? ActivityKind.QUESTION_ASKED : ActivityKind.NOTE_ADDED,
                    author.displayName + (question ? " asked a question on “" : " added a note on “") + paper.title + "”",
                    paper, a);
        }
        changed(a, new DiscussionEvent.NoteAdded(a.id, paperId, groupId, user.id(), motivation));
        return a;
    }

    /** A reply; {@code requestKey} as for {@link #create}. */
    public Annotation reply(long parentId, SignedIn user, NoteDraft note, String requestKey) {
        Visible parent = visibleTo(parentId, user);
        require(Action.REPLY, parent.actor(), "You cannot reply in this discussion.");
        problems(note, true);
        Annotation p = parent.annotation();
        int depth = p.ancestors == null ? 0 : p.ancestors.split("/").length - 1;
        Annotation attachTo = depth + 1 >= AnnotationLimits.DEPTH_MAX && p.parentId != null ? Annotation.findById(p.parentId) : p;
        Optional<Annotation> first = alreadySaved(user, requestKey,
                earlier -> attachTo.id.equals(earlier.parentId) && earlier.body.equals(note.body()));
        if (first.isPresent()) {
            return first.get();
        }
        Annotation reply = new Annotation();
        reply.paper = attachTo.paper;
        reply.textVersion = attachTo.textVersion;
        reply.group = attachTo.group;
        reply.author = Account.findById(user.id());
        reply.motivation = Motivation.REPLYING;
        reply.rootId = attachTo.threadId();
        reply.parentId = attachTo.id;
        reply.ancestors = (attachTo.ancestors == null ? "/" : attachTo.ancestors) + attachTo.id + "/";
        fill(reply, note);
        reply.requestKey = requestKey;
        reply.createdAt = Instant.now();
        reply.updatedAt = reply.createdAt;
        reply.persist();
        if (!attachTo.author.id.equals(user.id()) && !attachTo.deleted) {
            notify(attachTo.author.id, reply.author, reply, Notification.Kind.REPLY);
        }
        notifyMentions(reply, reply.author);
        if (reply.group != null) {
            Activity.record(reply.group, reply.author, ActivityKind.REPLY_ADDED, reply.author.displayName
                    + " replied on “" + reply.paper.title + "”", reply.paper, reply);
        }
        changed(reply, new DiscussionEvent.ReplyAdded(reply.id, reply.rootId, attachTo.id, reply.paper.id, groupOf(reply),
                user.id()));
        return reply;
    }

    /**
     * Edits a note's body and tags; the old version is kept. A stale version answers 409 with
     * the typed text. The note's row is locked before its version is compared, so of two edits
     * from the same version exactly one wins, on any number of instances.
     */
    public Annotation edit(long id, SignedIn user, NoteDraft note, long expectedVersion) {
        Visible v = lockedVisibleTo(id, user);
        Annotation a = v.annotation();
        require(Action.EDIT_NOTE, v.actor(), "Only its author can edit a note.");
        if (a.deleted) {
            throw new UnprocessableException("This note was deleted.");
        }
        if (a.version != expectedVersion) {
            throw new EditConflictException(note, a.version, a.body);
        }
        problems(note, a.motivation != Motivation.HIGHLIGHTING);
        AnnotationRevision revision = new AnnotationRevision();
        revision.annotationId = a.id;
        revision.body = a.body;
        revision.tags = a.tags;
        revision.writtenAt = a.editedAt == null ? a.createdAt : a.editedAt;
        revision.persist();
        fill(a, note);
        a.editedAt = Instant.now();
        a.updatedAt = a.editedAt;
        flushOrConflict(note, a);
        notifyMentions(a, a.author);
        changed(a, new DiscussionEvent.NoteEdited(a.id, a.threadId(), a.paper.id, groupOf(a), user.id()));
        return a;
    }

    /** Deletes a note; one with replies stays as a tombstone so the replies keep their place. */
    public void delete(long id, SignedIn user) {
        Visible v = lockedVisibleTo(id, user);
        Annotation a = v.annotation();
        require(Action.DELETE_NOTE, v.actor(), "Only its author or a moderator can delete a note.");
        if (!a.isRoot()) {
            Annotation root = Annotation.findById(a.rootId);
            if (a.id.equals(root.answerId)) {
                root.answerId = null;
            }
        }
        live.afterCommit(LiveEvent.note(LiveEvent.Type.NOTE_DELETED, a.paper.id, a.group == null ? null : a.group.id,
                a.id, a.threadId(), a.author.id));
        events.emit(new DiscussionEvent.NoteDeleted(a.id, a.threadId(), a.paper.id, groupOf(a), user.id()));
        if (Annotation.count("parentId", a.id) > 0) {
            a.deleted = true;
            a.body = "";
            a.bodyHtml = "";
            a.tags = "";
            a.updatedAt = Instant.now();
        } else {
            a.delete();
        }
    }

    /**
     * Gives ({@code given} true) or takes back (false) one reaction of a kind, or toggles it
     * (null); returns whether it is now given. The note's row is locked first, so repeats of the
     * same request, however concurrent, leave one reaction and give the same answer.
     */
    public boolean react(long id, SignedIn user, ReactionKind kind, Boolean given) {
        Visible v = lockedVisibleTo(id, user);
        require(Action.REACT, v.actor(), "You cannot react in this discussion.");
        Optional<Reaction> existing = Reaction.find(id, user.id(), kind);
        if (given != null && given == existing.isPresent()) {
            return given;
        }
        if (existing.isPresent()) {
            existing.get().delete();
            changed(v.annotation(), reacted(v.annotation(), user, kind, false));
            return false;
        }
        Reaction reaction = new Reaction();
        reaction.annotationId = id;
        reaction.accountId = user.id();
        reaction.kind = kind;
        reaction.createdAt = Instant.now();
        reaction.persist();
        changed(v.annotation(), reacted(v.annotation(), user, kind, true));
        return true;
    }

    /** Marks a question answered by one of its replies, or reopens it ({@code replyId} null). */
    public void answer(long questionId, SignedIn user, Long replyId) {
        Visible v = lockedVisibleTo(questionId, user);
        Annotation question = v.annotation();
        if (!question.isRoot() || question.motivation != Motivation.QUESTIONING) {
            throw new UnprocessableException("Only a question can be marked answered.");
        }
        require(Action.ANSWER_QUESTION, v.actor(), "Only the person who asked or a moderator can mark the answer.");
        if (replyId != null) {
            Annotation reply = Annotation.<Annotation>findByIdOptional(replyId)
                    .filter(r -> question.id.equals(r.rootId) && !r.deleted)
                    .orElseThrow(() -> new UnprocessableException("The answer must be a reply in this thread."));
            question.answerId = reply.id;
            Account marker = Account.findById(user.id());
            if (question.group != null) {
                Activity.record(question.group, marker, ActivityKind.QUESTION_ANSWERED, marker.displayName
                        + " marked an answer on “" + question.paper.title + "”", question.paper, reply);
            }
            if (!question.author.id.equals(user.id()) && !question.deleted) {
                notify(question.author.id, marker, reply, Notification.Kind.ANSWER);
            }
        } else {
            question.answerId = null;
        }
        question.updatedAt = Instant.now();
        changed(question, new DiscussionEvent.AnswerMarked(question.id, question.answerId, question.paper.id,
                groupOf(question), user.id()));
    }

    public void resolve(long threadId, SignedIn user, boolean resolved) {
        Visible v = lockedVisibleTo(threadId, user);
        if (!v.annotation().isRoot()) {
            throw new UnprocessableException("Resolve the thread from its first note.");
        }
        require(Action.RESOLVE_THREAD, v.actor(), "Only the thread's author or a moderator can resolve it.");
        Annotation thread = v.annotation();
        if (thread.resolved == resolved) {
            return;
        }
        thread.resolved = resolved;
        thread.updatedAt = Instant.now();
        if (thread.group != null) {
            Account who = Account.findById(user.id());
            Activity.record(thread.group, who, resolved ? ActivityKind.THREAD_RESOLVED : ActivityKind.THREAD_REOPENED,
                    who.displayName + (resolved ? " resolved a thread on “" : " reopened a thread on “")
                            + thread.paper.title + "”", thread.paper, thread);
        }
        changed(thread, new DiscussionEvent.ThreadResolved(thread.id, thread.paper.id, groupOf(thread), user.id(), resolved));
    }

    /** Shares a private note, with its replies, into a group that reads the paper. */
    public void share(long id, SignedIn user, long groupId) {
        Visible v = lockedVisibleTo(id, user);
        Annotation a = v.annotation();
        if (a.group != null || !a.isRoot() || !a.author.id.equals(user.id())) {
            throw new UnprocessableException("Only your own private notes can be shared.");
        }
        Membership membership = Membership.find(groupId, user.id()).orElseThrow(NotFoundException::new);
        require(Action.ANNOTATE, Actor.account(user.administrator(), membership.role), "You cannot annotate in this group.");
        if (!ReadingListEntry.listed(groupId, a.paper.id)) {
            throw new UnprocessableException("This paper is not on that group's reading list.");
        }
        Annotation.update("group = ?1 where id = ?2 or rootId = ?2", membership.group, a.id);
        a.group = membership.group;
        notifyMentions(a, a.author);
        Activity.record(membership.group, a.author, ActivityKind.NOTE_SHARED, a.author.displayName
                + " shared a note on “" + a.paper.title + "”", a.paper, a);
        changed(a, new DiscussionEvent.NoteShared(a.id, a.paper.id, groupId, user.id()));
    }

    /** What re-anchoring did to a paper's notes after its text changed. */
    public record Reanchored(int kept, int moved, int detached) {
    }

    /**
     * Places every note with a passage in the new text version, in the same transaction as the
     * edit. Moved notes get new selectors; notes whose passage is gone are detached with their
     * original selectors, never deleted or moved to a guess.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Reanchored reanchorAll(long paperId, String oldText, String newText, int newVersion) {
        int oldLength = oldText.codePointCount(0, oldText.length());
        Reanchor.Text text = Reanchor.Text.of(newText);
        int kept = 0, moved = 0, detached = 0;
        for (Annotation a : Annotation.anchoredRoots(paperId)) {
            if (a.detached) {
                detached++;
                continue;
            }
            Reanchor.Result result = Reanchor.anchor(text, oldLength, new TextPositionSelector(a.start, a.end),
                    new TextQuoteSelector(a.exact, a.prefix, a.suffix));
            if (result.detached()) {
                a.detached = true;
                detached++;
                continue;
            }
            if (result.method() == Reanchor.Method.POSITION) {
                kept++;
            } else {
                moved++;
            }
            place(a, result.position(), result.quote(), newVersion);
        }
        return new Reanchored(kept, moved, detached);
    }

    /** Attaches a detached note to the passage a member selected in the current text. */
    public Annotation reattach(long id, SignedIn user, TextPositionSelector position, TextQuoteSelector quote) {
        Visible v = lockedVisibleTo(id, user);
        Annotation a = v.annotation();
        require(Action.REATTACH_NOTE, v.actor(), "You cannot re-attach notes in this discussion.");
        if (!a.isRoot() || !a.detached) {
            throw new UnprocessableException("Only a detached note can be re-attached.");
        }
        String text = PaperText.findVersion(a.paper.id, a.paper.textVersion).orElseThrow().content;
        TextQuoteSelector checked = checkedQuote(text, position, quote);
        place(a, position, checked, a.paper.textVersion);
        a.detached = false;
        a.updatedAt = Instant.now();
        changed(a, new DiscussionEvent.NoteReattached(a.id, a.paper.id, groupOf(a), user.id()));
        return a;
    }

    private static void place(Annotation a, TextPositionSelector position, TextQuoteSelector quote, int version) {
        a.start = position.start();
        a.end = position.end();
        a.exact = quote.exact();
        a.prefix = quote.prefix();
        a.suffix = quote.suffix();
        a.textVersion = version;
    }

    // ---- Helpers ----

    /** Reaction counts per note and kind on a paper as the viewer sees it, and whether they gave each. */
    private static Map<Long, Map<ReactionKind, long[]>> reactions(long paperId, Long groupId, SignedIn user) {
        Map<Long, Map<ReactionKind, long[]>> reactions = new HashMap<>();
        for (Object[] row : Reaction.countsVisible(paperId, groupId, user.id())) {
            reactions.computeIfAbsent((Long) row[0], k -> new LinkedHashMap<>())
                    .put((ReactionKind) row[1], new long[]{(Long) row[2], ((Number) row[3]).longValue()});
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

    /** A note the user may see, and who the user is in its discussion. */
    record Visible(Annotation annotation, Actor actor) {
    }

    private static Visible visibleTo(long id, SignedIn user) {
        return visibleTo(Annotation.<Annotation>findByIdOptional(id).orElseThrow(NotFoundException::new), user);
    }

    /**
     * The same for a change: the note's row is locked until commit, so concurrent changes of one
     * note run one after the other, each seeing what the previous one wrote.
     */
    private static Visible lockedVisibleTo(long id, SignedIn user) {
        return visibleTo(Annotation.<Annotation>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(NotFoundException::new), user);
    }

    private static Visible visibleTo(Annotation a, SignedIn user) {
        boolean author = a.author.id.equals(user.id());
        if (a.group == null) {
            if (!author) {
                throw new NotFoundException();
            }
            // In a private discussion its author holds every right a group would share out.
            return new Visible(a, Actor.account(user.administrator(), Role.OWNER).asAuthor(true));
        }
        Membership m = Membership.find(a.group.id, user.id()).orElseThrow(NotFoundException::new);
        Annotation root = a.isRoot() ? a : Annotation.findById(a.rootId);
        boolean rootAuthor = root.author.id.equals(user.id());
        // "Author" means the note's author for edits and deletes, the thread's author for resolving.
        return new Visible(a, Actor.account(user.administrator(), m.role).asAuthor(author || (a.isRoot() && rootAuthor)));
    }

    private static void require(Action action, Actor actor, String refusal) {
        if (!Policy.allows(action, actor)) {
            throw new ForbiddenException(refusal);
        }
    }

    /**
     * The note this person already saved with this request key: a double submit or a retry gets
     * the first note back instead of a copy. The person's account row is locked first, so two
     * racing requests with one key run one after the other and the second finds the first's note
     * (the unique constraint on the key backs this up). A key reused for a different note is refused.
     */
    private static Optional<Annotation> alreadySaved(SignedIn user, String requestKey, Predicate<Annotation> sameRequest) {
        if (requestKey == null) {
            return Optional.empty();
        }
        RequestKey.problem(requestKey).ifPresent(p -> {
            throw new InvalidFormException("requestKey", p);
        });
        Account.findById(user.id(), LockModeType.PESSIMISTIC_WRITE);
        Optional<Annotation> earlier = Annotation.byRequestKey(user.id(), requestKey);
        if (earlier.isPresent() && !sameRequest.test(earlier.get())) {
            throw new UnprocessableException("This form was already used to save another note; reload the page and try again.");
        }
        return earlier;
    }

    /** The quote to store for a passage: the client's, checked against the text, or derived when it sent none. */
    private static TextQuoteSelector checkedQuote(String text, TextPositionSelector position, TextQuoteSelector quote) {
        Selectors.problem(text, position, quote).ifPresent(p -> {
            throw new UnprocessableException(p);
        });
        return quote == null ? Selectors.quoteAt(text, position) : quote;
    }

    /**
     * Writes the edit now, inside the transaction, so that a version check failing in the
     * database (a writer that does not lock, such as re-anchoring) answers 409 with the typed text.
     */
    private static void flushOrConflict(NoteDraft typed, Annotation a) {
        try {
            Annotation.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw new EditConflictException(typed, a.version, null);
        }
    }

    private static void problems(NoteDraft note, boolean bodyRequired) {
        List<FieldProblem> problems = note.problems(bodyRequired);
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
    }

    private static void fill(Annotation a, NoteDraft note) {
        a.body = note.body();
        a.bodyHtml = Markdown.toSafeHtml(note.body());
        a.tags = String.join("\n", note.tags());
    }

    /**
     * Announces a change of a note to the open pages that show its discussion, once committed, and
     * records the command's event (the search index follows the outbox).
     */
    private void changed(Annotation a, DiscussionEvent event) {
        live.afterCommit(LiveEvent.note(LiveEvent.Type.NOTE, a.paper.id, a.group == null ? null : a.group.id, a.id,
                a.threadId(), a.author.id));
        events.emit(event);
    }

    private static Long groupOf(Annotation a) {
        return a.group == null ? null : a.group.id;
    }

    private static DiscussionEvent reacted(Annotation a, SignedIn user, ReactionKind kind, boolean given) {
        return new DiscussionEvent.Reacted(a.id, a.threadId(), a.paper.id, groupOf(a), user.id(), kind, given);
    }

    private void notifyMentions(Annotation a, Account actor) {
        if (a.group == null) {
            return;
        }
        Set<String> names = Mentions.in(a.body);
        if (names.isEmpty()) {
            return;
        }
        List<Membership> mentioned = Membership.find("select m from Membership m join fetch m.account acc "
                + "where m.group.id = ?1 and acc.username in ?2", a.group.id, names).list();
        for (Membership m : mentioned) {
            if (!m.account.id.equals(actor.id) && Notification.count("recipientId = ?1 and annotation.id = ?2 and kind = ?3",
                    m.account.id, a.id, Notification.Kind.MENTION) == 0) {
                notify(m.account.id, actor, a, Notification.Kind.MENTION);
            }
        }
    }

    private void notify(long recipient, Account actor, Annotation a, Notification.Kind kind) {
        Notification.send(recipient, actor, kind, a, a.paper, a.group);
        live.afterCommit(LiveEvent.notification(recipient));
    }

    /**
     * The document's blocks with their highlight segments. Every block, whatever its kind, carries
     * its offsets the same way, so a selection anywhere in the text maps to the same selectors.
     */
    private static List<DiscussionView.Paragraph> layout(Document document, List<HighlightLayout.Range> ranges,
                                                         Map<Long, Annotation> byId) {
        String text = document.text();
        List<Block> blocks = document.blocks();
        List<DiscussionView.Paragraph> result = new ArrayList<>();
        Set<Long> anchored = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            List<DiscussionView.Segment> segments = new ArrayList<>();
            for (HighlightLayout.Segment s : HighlightLayout.segments(b.start(), b.end(), ranges)) {
                String piece = Selectors.slice(text, s.start(), s.end());
                if (s.annotations().isEmpty()) {
                    segments.add(new DiscussionView.Segment(piece, List.of(), null, null, null));
                    continue;
                }
                long first = s.annotations().get(0);
                String anchor = anchored.add(first) ? "hl-" + first : null;
                Annotation a = byId.get(first);
                String kind = a == null ? "note" : a.motivation.name().toLowerCase(Locale.ROOT);
                segments.add(new DiscussionView.Segment(piece, s.annotations(), first, anchor, kind));
            }
            BlockKind previous = i == 0 ? null : blocks.get(i - 1).kind();
            BlockKind next = i + 1 == blocks.size() ? null : blocks.get(i + 1).kind();
            String label = null;
            if (b.kind() == BlockKind.ABSTRACT && previous == null) {
                label = "Abstract";
            } else if (b.kind() != BlockKind.ABSTRACT && !b.heading() && (previous == null || previous == BlockKind.ABSTRACT)) {
                label = "Full text"; // a body that does not open with a heading
            }
            String id = b.heading() ? sectionId(b.text(), ids) : "para-" + i;
            result.add(new DiscussionView.Paragraph(i, b.start(), b.end(), segments,
                    b.kind().name().toLowerCase(Locale.ROOT), b.level(), id, b.text(), label,
                    b.kind() == BlockKind.REFERENCE && previous != BlockKind.REFERENCE,
                    b.kind() == BlockKind.REFERENCE && next != BlockKind.REFERENCE));
        }
        return result;
    }

    /** A heading's anchor: "sec-" and its words, made unique within the document. */
    private static String sectionId(String heading, Set<String> taken) {
        String slug = java.text.Normalizer.normalize(heading, java.text.Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String base = "sec-" + (slug.length() > 48 ? slug.substring(0, 48).replaceAll("-$", "") : slug);
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static List<DiscussionView.Thread> threads(List<Annotation> visible,
                                                       Map<Long, Map<ReactionKind, long[]>> reactions, SignedIn user,
                                                       Actor groupActor, Instant seen) {
        Map<Long, Integer> fresh = new HashMap<>();
        for (Annotation a : visible) {
            if (a.group != null && !a.deleted && a.createdAt.isAfter(seen) && !a.author.id.equals(user.id())) {
                fresh.merge(a.threadId(), 1, Integer::sum);
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
            threads.add(new DiscussionView.Thread(root.id, note(root, 0, root, reactions, user, actor), replies, root.exact,
                    root.start, root.resolved, root.motivation == Motivation.QUESTIONING, root.answerId != null,
                    root.group == null, Policy.allows(Action.RESOLVE_THREAD, actor.asAuthor(rootAuthor)),
                    root.group == null && rootAuthor, root.detached, root.detached
                    && Policy.allows(Action.REATTACH_NOTE, actor), fresh.getOrDefault(root.id, 0)));
        }
        return threads;
    }

    private static void collect(long parentId, int depth, Map<Long, List<Annotation>> children,
                                List<DiscussionView.Note> out, Annotation root,
                                Map<Long, Map<ReactionKind, long[]>> reactions, SignedIn user, Actor actor) {
        for (Annotation child : children.getOrDefault(parentId, List.of())) {
            out.add(note(child, depth, root, reactions, user, actor));
            collect(child.id, depth + 1, children, out, root, reactions, user, actor);
        }
    }

    private static DiscussionView.Note note(Annotation a, int depth, Annotation root,
                                            Map<Long, Map<ReactionKind, long[]>> reactions, SignedIn user, Actor actor) {
        boolean mine = a.author.id.equals(user.id());
        Actor asAuthor = actor.asAuthor(mine);
        Map<ReactionKind, long[]> counts = reactions.getOrDefault(a.id, Map.of());
        List<DiscussionView.Reaction> reactionViews = new ArrayList<>();
        for (ReactionKind kind : ReactionKind.values()) {
            long[] c = counts.getOrDefault(kind, new long[]{0, 0});
            reactionViews.add(new DiscussionView.Reaction(kind.name(), kind.symbol(), kind.label(), c[0], c[1] > 0));
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
