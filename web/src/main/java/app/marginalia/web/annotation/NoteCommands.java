package app.marginalia.web.annotation;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.NoteDraft;
import app.marginalia.core.annotation.TextQuoteSelector;
import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.discussion.NoteRules;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.Actor;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.persistence.paper.PaperText;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static app.marginalia.web.annotation.NoteAccess.alreadySaved;
import static app.marginalia.web.annotation.NoteAccess.checkedQuote;
import static app.marginalia.web.annotation.NoteAccess.fill;
import static app.marginalia.web.annotation.NoteAccess.problems;
import static app.marginalia.web.annotation.NoteAccess.require;

/** New notes: a thread on a paper (highlight, note or question) and a reply in a thread. */
@ApplicationScoped
@Transactional
public class NoteCommands {

    private final DiscussionEvents events;

    NoteCommands(DiscussionEvents events) {
        this.events = events;
    }

    /** Starts a thread; a repeat of the same request (same key) answers with the first note and changes nothing. */
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
        Motivation motivation = NoteRules.motivationOf(request.motivation());
        NoteRules.newThreadProblem(motivation, request.position() != null).ifPresent(p -> {
            throw new InvalidFormException(p.field(), p.message());
        });
        problems(request.note(), NoteRules.bodyRequired(motivation));
        Long groupId = group == null ? null : group.id;
        Optional<Annotation> first = alreadySaved(user, request.requestKey(), earlier -> earlier.isRoot()
                && earlier.paper.id.equals(paperId) && Objects.equals(groupId, earlier.group == null ? null : earlier.group.id)
                && earlier.motivation == motivation && earlier.body.equals(request.note().body())
                && Objects.equals(earlier.start, request.position() == null ? null : request.position().start())
                && Objects.equals(earlier.end, request.position() == null ? null : request.position().end()));
        if (first.isPresent()) {
            return first.get();
        }
        Annotation a = new Annotation();
        a.paper = paper;
        a.textVersion = paper.textVersion;
        a.group = group;
        a.author = Account.findById(user.id());
        a.motivation = motivation;
        if (request.position() != null) {
            String text = PaperText.findVersion(paperId, paper.textVersion).orElseThrow().content;
            TextQuoteSelector quote = checkedQuote(text, request.position(), request.quote());
            NoteAccess.place(a, request.position(), quote, paper.textVersion);
        }
        fill(a, request.note());
        a.requestKey = request.requestKey();
        a.createdAt = Instant.now();
        a.updatedAt = a.createdAt;
        a.persist();
        events.emit(new DiscussionEvent.NoteAdded(a.id, paperId, groupId, user.id(), motivation));
        return a;
    }

    /**
     * A reply; {@code requestKey} as for {@link #create}. A reply that would nest too deep
     * becomes a sibling of the note it answers ({@link NoteRules#replyGoesToParent}).
     */
    public Annotation reply(long parentId, SignedIn user, NoteDraft note, String requestKey) {
        NoteAccess.Visible parent = NoteAccess.visibleTo(parentId, user);
        require(Action.REPLY, parent.actor(), "You cannot reply in this discussion.");
        problems(note, NoteRules.bodyRequired(Motivation.REPLYING));
        Annotation p = parent.annotation();
        Annotation attachTo = NoteRules.replyGoesToParent(p.ancestors, p.isRoot()) ? Annotation.findById(p.parentId) : p;
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
        reply.ancestors = NoteRules.ancestorsUnder(attachTo.ancestors, attachTo.id);
        fill(reply, note);
        reply.requestKey = requestKey;
        reply.createdAt = Instant.now();
        reply.updatedAt = reply.createdAt;
        reply.persist();
        events.emit(new DiscussionEvent.ReplyAdded(reply.id, reply.rootId, attachTo.id, reply.paper.id,
                reply.group == null ? null : reply.group.id, user.id()));
        return reply;
    }
}
