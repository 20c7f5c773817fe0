package app.marginalia.web.discussion;

import app.marginalia.core.annotation.Mentions;
import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.discussion.DiscussionEvent.AnswerMarked;
import app.marginalia.core.discussion.DiscussionEvent.ListChange;
import app.marginalia.core.discussion.DiscussionEvent.NoteAdded;
import app.marginalia.core.discussion.DiscussionEvent.NoteEdited;
import app.marginalia.core.discussion.DiscussionEvent.NoteShared;
import app.marginalia.core.discussion.DiscussionEvent.ReadingListChanged;
import app.marginalia.core.discussion.DiscussionEvent.ReplyAdded;
import app.marginalia.core.discussion.LiveEvent;
import app.marginalia.core.group.ReadingStatus;
import app.marginalia.persistence.account.Account;
import app.marginalia.persistence.annotation.Annotation;
import app.marginalia.persistence.annotation.Notification;
import app.marginalia.persistence.group.Membership;
import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.persistence.paper.Paper;
import app.marginalia.web.live.LiveEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tells people what concerns them, in the command's transaction: a reply to their note, an
 * answer chosen for their question, an {@code @mention} in a group note (once per note and
 * person, however often it is edited), a paper their group scheduled. Nobody is told of what
 * they did themselves. Each new notification updates the recipient's open pages once committed.
 */
@ApplicationScoped
public class Notifier {

    private final LiveEvents live;

    Notifier(LiveEvents live) {
        this.live = live;
    }

    void on(@Observes DiscussionEvent event) {
        if (event instanceof NoteAdded e) {
            mentions(e.noteId(), e.actorId());
        } else if (event instanceof ReplyAdded e) {
            Annotation parent = Annotation.findById(e.parentId());
            if (!parent.author.id.equals(e.actorId()) && !parent.deleted) {
                send(parent.author.id, e.actorId(), Notification.Kind.REPLY, Annotation.findById(e.noteId()));
            }
            mentions(e.noteId(), e.actorId());
        } else if (event instanceof NoteEdited e) {
            mentions(e.noteId(), e.actorId());
        } else if (event instanceof NoteShared e) {
            mentions(e.threadId(), e.actorId());
        } else if (event instanceof AnswerMarked e && e.answerId() != null) {
            Annotation question = Annotation.findById(e.threadId());
            if (!question.author.id.equals(e.actorId()) && !question.deleted) {
                send(question.author.id, e.actorId(), Notification.Kind.ANSWER, Annotation.findById(e.answerId()));
            }
        } else if (event instanceof ReadingListChanged e && scheduled(e)) {
            ReadingGroup group = ReadingGroup.findById(e.groupId());
            Paper paper = Paper.findById(e.paperId());
            Account actor = e.actorId() == null ? null : Account.findById(e.actorId());
            for (Long member : Membership.accountIdsOf(e.groupId())) {
                if (!member.equals(e.actorId())) {
                    Notification.send(member, actor, Notification.Kind.SCHEDULED, null, paper, group);
                    live.afterCommit(LiveEvent.notification(member));
                }
            }
        }
    }

    /** A meeting set, or a paper moved to scheduled: the group is told when it meets. */
    private static boolean scheduled(ReadingListChanged e) {
        return e.groupId() != null && e.paperId() != null && (e.change() == ListChange.MEETING_SCHEDULED
                || e.change() == ListChange.STATUS_CHANGED && ReadingStatus.parse(e.detail()).orElse(null) == ReadingStatus.SCHEDULED);
    }

    /** The group's members named in the note, each told once about it, never its writer. */
    private void mentions(long noteId, Long actorId) {
        Annotation a = Annotation.findById(noteId);
        if (a == null || a.group == null) {
            return;
        }
        for (Membership m : Membership.named(a.group.id, Mentions.in(a.body))) {
            if (!m.account.id.equals(actorId) && !Notification.exists(m.account.id, a.id, Notification.Kind.MENTION)) {
                send(m.account.id, actorId, Notification.Kind.MENTION, a);
            }
        }
    }

    private void send(long recipient, Long actorId, Notification.Kind kind, Annotation a) {
        Notification.send(recipient, actorId == null ? null : Account.findById(actorId), kind, a, a.paper, a.group);
        live.afterCommit(LiveEvent.notification(recipient));
    }
}
