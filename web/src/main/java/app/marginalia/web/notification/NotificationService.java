package app.marginalia.web.notification;

import app.marginalia.persistence.annotation.Notification;
import app.marginalia.web.system.CurrentUser.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.List;

/**
 * A member's inbox: mentions, replies to their notes, answers to their questions, and papers
 * their groups scheduled. Only the recipient sees a notification (404 for anyone else), and
 * one about a group they have left is neither shown nor counted.
 */
@ApplicationScoped
@Transactional
public class NotificationService {

    /** The inbox shows this many, newest first. */
    public static final int SHOWN = 100;

    /** One notification as its recipient reads it. */
    public record View(long id, String kind, String text, String paper, String group, Instant at, boolean unread,
                       String target) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<View> inbox(SignedIn user) {
        return Notification.recent(user.id(), SHOWN).stream().map(NotificationService::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unread(SignedIn user) {
        return Notification.unread(user.id());
    }

    /** Marks one notification read and returns where it leads. */
    public String markRead(SignedIn user, long id) {
        Notification n = Notification.ofRecipient(id, user.id()).orElseThrow(NotFoundException::new);
        if (n.readAt == null) {
            n.readAt = Instant.now();
        }
        return target(n);
    }

    public int markAllRead(SignedIn user) {
        return Notification.markAllRead(user.id(), Instant.now());
    }

    private static View view(Notification n) {
        String actor = n.actor == null ? "Someone" : n.actor.displayName;
        String paper = n.paper != null ? n.paper.title : n.annotation != null ? n.annotation.paper.title : "";
        String text = switch (n.kind) {
            case MENTION -> actor + " mentioned you";
            case REPLY -> actor + " replied to your note";
            case ANSWER -> actor + " marked an answer to your question";
            case SCHEDULED -> actor + " scheduled a paper for a meeting";
        };
        return new View(n.id, n.kind.name(), text, paper, n.group == null ? null : n.group.name, n.createdAt,
                n.readAt == null, target(n));
    }

    private static String target(Notification n) {
        if (n.annotation != null) {
            return "/annotations/" + n.annotation.id;
        }
        if (n.paper != null && n.group != null) {
            return "/papers/" + n.paper.id + "?group=" + n.group.id;
        }
        return "/notifications";
    }
}
