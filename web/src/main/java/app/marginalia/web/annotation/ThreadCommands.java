package app.marginalia.web.annotation;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.TextPositionSelector;
import app.marginalia.core.annotation.TextQuoteSelector;
import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.Actor;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.persistence.paper.PaperText;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.system.CurrentUser.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;

import static app.marginalia.web.annotation.NoteAccess.checkedQuote;
import static app.marginalia.web.annotation.NoteAccess.lockedVisibleTo;
import static app.marginalia.web.annotation.NoteAccess.require;
import static app.marginalia.web.annotation.NoteAccess.groupOf;

/** What is done to a whole thread: its answer chosen, resolved or reopened, shared, placed on a passage again. */
@ApplicationScoped
@Transactional
public class ThreadCommands {

    private final DiscussionEvents events;

    ThreadCommands(DiscussionEvents events) {
        this.events = events;
    }

    /** Marks a question answered by one of its replies, or reopens it ({@code replyId} null). */
    public void answer(long questionId, SignedIn user, Long replyId) {
        NoteAccess.Visible v = lockedVisibleTo(questionId, user);
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
        } else {
            question.answerId = null;
        }
        question.updatedAt = Instant.now();
        events.emit(new DiscussionEvent.AnswerMarked(question.id, question.answerId, question.paper.id, groupOf(question),
                user.id()));
    }

    /** Resolves or reopens a thread; asking for the state it is already in changes and announces nothing. */
    public void resolve(long threadId, SignedIn user, boolean resolved) {
        NoteAccess.Visible v = lockedVisibleTo(threadId, user);
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
        events.emit(new DiscussionEvent.ThreadResolved(thread.id, thread.paper.id, groupOf(thread), user.id(), resolved));
    }

    /** Shares a private note, with its replies, into a group that reads the paper. */
    public void share(long id, SignedIn user, long groupId) {
        NoteAccess.Visible v = lockedVisibleTo(id, user);
        Annotation a = v.annotation();
        if (a.group != null || !a.isRoot() || !a.author.id.equals(user.id())) {
            throw new UnprocessableException("Only your own private notes can be shared.");
        }
        Membership membership = Membership.find(groupId, user.id()).orElseThrow(NotFoundException::new);
        require(Action.ANNOTATE, Actor.account(user.administrator(), membership.role), "You cannot annotate in this group.");
        if (!ReadingListEntry.listed(groupId, a.paper.id)) {
            throw new UnprocessableException("This paper is not on that group's reading list.");
        }
        Annotation.moveThread(a.id, membership.group);
        a.group = membership.group;
        events.emit(new DiscussionEvent.NoteShared(a.id, a.paper.id, groupId, user.id()));
    }

    /** Attaches a detached note to the passage a member selected in the current text. */
    public Annotation reattach(long id, SignedIn user, TextPositionSelector position, TextQuoteSelector quote) {
        NoteAccess.Visible v = lockedVisibleTo(id, user);
        Annotation a = v.annotation();
        require(Action.REATTACH_NOTE, v.actor(), "You cannot re-attach notes in this discussion.");
        if (!a.isRoot() || !a.detached) {
            throw new UnprocessableException("Only a detached note can be re-attached.");
        }
        String text = PaperText.findVersion(a.paper.id, a.paper.textVersion).orElseThrow().content;
        TextQuoteSelector checked = checkedQuote(text, position, quote);
        NoteAccess.place(a, position, checked, a.paper.textVersion);
        a.detached = false;
        a.updatedAt = Instant.now();
        events.emit(new DiscussionEvent.NoteReattached(a.id, a.paper.id, groupOf(a), user.id()));
        return a;
    }
}
