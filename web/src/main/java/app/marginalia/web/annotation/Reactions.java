package app.marginalia.web.annotation;

import app.marginalia.core.annotation.ReactionKind;
import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.group.Action;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.annotation.Reaction;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.system.CurrentUser.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

import static app.marginalia.web.annotation.NoteAccess.lockedVisibleTo;
import static app.marginalia.web.annotation.NoteAccess.require;

/** Reactions to a note: one of each kind per person. */
@ApplicationScoped
@Transactional
public class Reactions {

    private final DiscussionEvents events;

    Reactions(DiscussionEvents events) {
        this.events = events;
    }

    /**
     * Gives ({@code given} true) or takes back (false) one reaction of a kind, or toggles it
     * (null); returns whether it is now given. The note's row is locked first, so repeats of the
     * same request, however concurrent, leave one reaction and give the same answer; a repeat
     * changes nothing and announces nothing.
     */
    public boolean react(long id, SignedIn user, ReactionKind kind, Boolean given) {
        NoteAccess.Visible v = lockedVisibleTo(id, user);
        require(Action.REACT, v.actor(), "You cannot react in this discussion.");
        Optional<Reaction> existing = Reaction.find(id, user.id(), kind);
        if (given != null && given == existing.isPresent()) {
            return given;
        }
        if (existing.isPresent()) {
            existing.get().delete();
        } else {
            Reaction reaction = new Reaction();
            reaction.annotationId = id;
            reaction.accountId = user.id();
            reaction.kind = kind;
            reaction.createdAt = Instant.now();
            reaction.persist();
        }
        Annotation a = v.annotation();
        boolean now = existing.isEmpty();
        events.emit(new DiscussionEvent.Reacted(a.id, a.threadId(), a.paper.id, NoteAccess.groupOf(a), user.id(), kind, now));
        return now;
    }
}
