package app.marginalia.web.annotation;

import app.marginalia.core.annotation.NoteDraft;
import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.discussion.NoteRules;
import app.marginalia.core.group.Action;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.annotation.AnnotationRevision;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.system.CurrentUser.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.hibernate.StaleStateException;

import java.time.Instant;

import static app.marginalia.web.annotation.NoteAccess.fill;
import static app.marginalia.web.annotation.NoteAccess.groupOf;
import static app.marginalia.web.annotation.NoteAccess.lockedVisibleTo;
import static app.marginalia.web.annotation.NoteAccess.problems;
import static app.marginalia.web.annotation.NoteAccess.require;

/** Changing and deleting a note, by its author (or, for deleting, a moderator). */
@ApplicationScoped
@Transactional
public class NoteEdits {

    private final DiscussionEvents events;

    NoteEdits(DiscussionEvents events) {
        this.events = events;
    }

    /**
     * Edits a note's body and tags; the old version is kept. A stale version answers 409 with
     * the typed text. The note's row is locked before its version is compared, so of two edits
     * from the same version exactly one wins, on any number of instances.
     */
    public Annotation edit(long id, SignedIn user, NoteDraft note, long expectedVersion) {
        NoteAccess.Visible v = lockedVisibleTo(id, user);
        Annotation a = v.annotation();
        require(Action.EDIT_NOTE, v.actor(), "Only its author can edit a note.");
        if (a.deleted) {
            throw new UnprocessableException("This note was deleted.");
        }
        if (a.version != expectedVersion) {
            throw new EditConflictException(note, a.version, a.body);
        }
        problems(note, NoteRules.bodyRequired(a.motivation));
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
        events.emit(new DiscussionEvent.NoteEdited(a.id, a.threadId(), a.paper.id, groupOf(a), user.id()));
        return a;
    }

    /** Deletes a note; one with replies stays as a tombstone so the replies keep their place. */
    public void delete(long id, SignedIn user) {
        NoteAccess.Visible v = lockedVisibleTo(id, user);
        Annotation a = v.annotation();
        require(Action.DELETE_NOTE, v.actor(), "Only its author or a moderator can delete a note.");
        if (!a.isRoot()) {
            Annotation root = Annotation.findById(a.rootId);
            if (a.id.equals(root.answerId)) {
                root.answerId = null;
            }
        }
        DiscussionEvent.NoteDeleted deleted = new DiscussionEvent.NoteDeleted(a.id, a.threadId(), a.paper.id, groupOf(a),
                user.id());
        if (Annotation.hasReplies(a.id)) {
            a.deleted = true;
            a.body = "";
            a.bodyHtml = "";
            a.tags = "";
            a.updatedAt = Instant.now();
        } else {
            a.delete();
        }
        events.emit(deleted);
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
}
