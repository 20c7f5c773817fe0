package app.marginalia.web.discussion;

import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.discussion.DiscussionEvent.AccountChanged;
import app.marginalia.core.discussion.DiscussionEvent.GroupChange;
import app.marginalia.core.discussion.DiscussionEvent.GroupChanged;
import app.marginalia.core.discussion.DiscussionEvent.MemberChange;
import app.marginalia.core.discussion.DiscussionEvent.MembershipChanged;
import app.marginalia.core.discussion.DiscussionEvent.NoteDeleted;
import app.marginalia.core.discussion.DiscussionEvent.NoteEvent;
import app.marginalia.core.discussion.Fanout;
import app.marginalia.core.discussion.LiveEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.EnumSet;
import java.util.Set;

/**
 * Tells open pages what changed, once the change has committed (a rolled-back command
 * announces nothing, and a page that fetches what changed finds it): a note's thread to the
 * pages showing its discussion, and a change of someone's memberships or sessions to that
 * person's streams, which then start again. Events carry ids only.
 */
@ApplicationScoped
public class LiveObserver {

    /** Membership changes after which a person's streams must hear other groups. */
    private static final Set<MemberChange> RECONNECT = EnumSet.of(MemberChange.JOINED, MemberChange.LEFT,
            MemberChange.REMOVED);

    private final Fanout fanout;

    LiveObserver(Fanout fanout) {
        this.fanout = fanout;
    }

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) DiscussionEvent event) {
        if (event instanceof NoteEvent e) {
            // "author" is who acted: for a private note that is its author, the only person who
            // may act on it and so the only one to hear it; for a group's note the page uses it
            // to mark what others did as new.
            LiveEvent.Type type = e instanceof NoteDeleted ? LiveEvent.Type.NOTE_DELETED : LiveEvent.Type.NOTE;
            fanout.publish(new LiveEvent(0, type, e.paperId(), e.groupId(), e.noteId(), e.threadId(), e.actorId(), null));
        } else if (event instanceof MembershipChanged e && RECONNECT.contains(e.change())) {
            fanout.publish(LiveEvent.membership(e.memberId()));
        } else if (event instanceof GroupChanged e && e.change() == GroupChange.CREATED && e.actorId() != null) {
            // The owner of a new group is its first member.
            fanout.publish(LiveEvent.membership(e.actorId()));
        } else if (event instanceof AccountChanged e && !e.renamed()) {
            fanout.publish(LiveEvent.membership(e.accountId()));
        }
    }
}
