package app.marginalia.web.discussion;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.discussion.DiscussionEvent.AnswerMarked;
import app.marginalia.core.discussion.DiscussionEvent.ConclusionRecorded;
import app.marginalia.core.discussion.DiscussionEvent.GroupChanged;
import app.marginalia.core.discussion.DiscussionEvent.MembershipChanged;
import app.marginalia.core.discussion.DiscussionEvent.NoteAdded;
import app.marginalia.core.discussion.DiscussionEvent.NoteShared;
import app.marginalia.core.discussion.DiscussionEvent.ReadingListChanged;
import app.marginalia.core.discussion.DiscussionEvent.ReplyAdded;
import app.marginalia.core.discussion.DiscussionEvent.ThreadResolved;
import app.marginalia.core.group.ActivityKind;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.group.Activity;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.paper.Paper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Writes the group's activity line for an event, in the command's transaction, so the line
 * commits or rolls back with the change. A line keeps the kind, its references and one fact;
 * its sentence is written when it is read ({@link ActivityLines}). Private notes, bare highlights,
 * edits, deletions, reactions, withdrawn votes and a deleted group leave no line, as before.
 */
@ApplicationScoped
public class ActivityRecorder {

    void on(@Observes DiscussionEvent event) {
        if (event.groupId() == null) {
            return;
        }
        if (event instanceof NoteAdded e) {
            if (e.motivation() != Motivation.HIGHLIGHTING) {
                line(e, e.motivation() == Motivation.QUESTIONING ? ActivityKind.QUESTION_ASKED : ActivityKind.NOTE_ADDED,
                        e.paperId(), e.noteId(), null, null);
            }
        } else if (event instanceof ReplyAdded e) {
            line(e, ActivityKind.REPLY_ADDED, e.paperId(), e.noteId(), null, null);
        } else if (event instanceof AnswerMarked e) {
            if (e.answerId() != null) {
                line(e, ActivityKind.QUESTION_ANSWERED, e.paperId(), e.answerId(), null, null);
            }
        } else if (event instanceof ThreadResolved e) {
            line(e, e.resolved() ? ActivityKind.THREAD_RESOLVED : ActivityKind.THREAD_REOPENED, e.paperId(), e.threadId(),
                    null, null);
        } else if (event instanceof NoteShared e) {
            line(e, ActivityKind.NOTE_SHARED, e.paperId(), e.threadId(), null, null);
        } else if (event instanceof ConclusionRecorded e) {
            line(e, ActivityKind.CONCLUSION_RECORDED, e.paperId(), null, null, e.detail());
        } else if (event instanceof ReadingListChanged e) {
            readingList(e);
        } else if (event instanceof MembershipChanged e) {
            ActivityKind kind = switch (e.change()) {
                case JOINED -> ActivityKind.MEMBER_JOINED;
                case LEFT -> ActivityKind.MEMBER_LEFT;
                case REMOVED -> ActivityKind.MEMBER_REMOVED;
                case ROLE_CHANGED -> ActivityKind.ROLE_CHANGED;
                case OWNERSHIP_TRANSFERRED -> ActivityKind.OWNERSHIP_TRANSFERRED;
            };
            line(e, kind, null, null, e.memberId(), e.detail());
        } else if (event instanceof GroupChanged e) {
            ActivityKind kind = switch (e.change()) {
                case CREATED -> ActivityKind.GROUP_CREATED;
                case EDITED -> ActivityKind.GROUP_EDITED;
                case INVITATION_CREATED -> ActivityKind.INVITATION_CREATED;
                case INVITATION_REVOKED -> ActivityKind.INVITATION_REVOKED;
                case DELETED -> null; // its lines went with it
            };
            if (kind != null) {
                line(e, kind, null, null, null, null);
            }
        }
    }

    private void readingList(ReadingListChanged e) {
        ActivityKind kind = switch (e.change()) {
            case PROPOSED, SEEDED -> ActivityKind.PAPER_PROPOSED;
            case STATUS_CHANGED -> ActivityKind.STATUS_CHANGED;
            case MEETING_SCHEDULED -> ActivityKind.MEETING_SCHEDULED;
            case REMOVED -> ActivityKind.PAPER_REMOVED;
            case VOTE_CAST -> ActivityKind.VOTE_CAST;
            case VOTE_WITHDRAWN -> null; // never a line of its own
        };
        if (kind != null) {
            line(e, kind, e.paperId(), null, null, e.detail());
        }
    }

    /** Appends the line; references are proxies of rows the command already holds, so no reads. */
    private static void line(DiscussionEvent e, ActivityKind kind, Long paperId, Long annotationId, Long subjectId,
                             String detail) {
        EntityManager em = Activity.getEntityManager();
        Activity.append(em.getReference(ReadingGroup.class, e.groupId()),
                e.actorId() == null ? null : em.getReference(Account.class, e.actorId()), kind,
                paperId == null ? null : em.getReference(Paper.class, paperId),
                annotationId == null ? null : em.getReference(Annotation.class, annotationId),
                subjectId == null ? null : em.getReference(Account.class, subjectId), detail);
    }
}
