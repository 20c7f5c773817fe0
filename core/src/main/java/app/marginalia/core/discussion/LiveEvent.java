package app.marginalia.core.discussion;

import java.util.Set;

/**
 * A change pushed to open pages: a note created, changed or deleted in a discussion, a new
 * notification, or a change of someone's memberships. It carries ids only; a page fetches
 * what it shows through the ordinary, permission-checked routes.
 *
 * @param sequence   assigned by the {@link Fanout} that delivers it; 0 before that
 * @param groupId    the discussion's group; null for a private note
 * @param authorId   who wrote the note (private notes go to their author only)
 * @param recipientId whom a notification or membership change is for
 */
public record LiveEvent(long sequence, Type type, Long paperId, Long groupId, Long annotationId, Long threadId,
                        Long authorId, Long recipientId) {

    /** What happened. */
    public enum Type {
        /** A note, reply, answer or resolution in a discussion. */
        NOTE,
        /** A note was deleted. */
        NOTE_DELETED,
        /** A new notification for one person; their unread count changed. */
        NOTIFICATION,
        /**
         * Someone's memberships or sessions changed (joined, left, removed, signed out, changed
         * their password): their open streams must start again, with the new memberships or not at all.
         */
        MEMBERSHIP
    }

    public static LiveEvent note(Type type, long paperId, Long groupId, long annotationId, long threadId, long authorId) {
        return new LiveEvent(0, type, paperId, groupId, annotationId, threadId, authorId, null);
    }

    public static LiveEvent notification(long recipientId) {
        return new LiveEvent(0, Type.NOTIFICATION, null, null, null, null, null, recipientId);
    }

    public static LiveEvent membership(long accountId) {
        return new LiveEvent(0, Type.MEMBERSHIP, null, null, null, null, null, accountId);
    }

    /**
     * The event as one line for another instance (a PostgreSQL NOTIFY payload, far below its
     * 8,000-byte limit): type and ids separated by {@code |}, empty for none. The sequence is
     * not sent: each instance numbers what it receives.
     */
    public String wire() {
        return type + "|" + text(paperId) + "|" + text(groupId) + "|" + text(annotationId) + "|" + text(threadId) + "|"
                + text(authorId) + "|" + text(recipientId);
    }

    /** An event read back from {@link #wire()}; empty for anything malformed. */
    public static java.util.Optional<LiveEvent> fromWire(String line) {
        if (line == null) {
            return java.util.Optional.empty();
        }
        String[] parts = line.split("\\|", -1);
        if (parts.length != 7) {
            return java.util.Optional.empty();
        }
        try {
            Type type = Type.valueOf(parts[0]);
            return java.util.Optional.of(new LiveEvent(0, type, id(parts[1]), id(parts[2]), id(parts[3]), id(parts[4]),
                    id(parts[5]), id(parts[6])));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static String text(Long id) {
        return id == null ? "" : id.toString();
    }

    private static Long id(String text) {
        return text.isEmpty() ? null : Long.valueOf(text);
    }

    public LiveEvent withSequence(long sequence) {
        return new LiveEvent(sequence, type, paperId, groupId, annotationId, threadId, authorId, recipientId);
    }

    /**
     * Whether a person who belongs to {@code groups} may receive this event: a group's notes
     * go to its members, a private note to its author, a notification to its recipient.
     */
    public boolean audience(long accountId, Set<Long> groups) {
        return switch (type) {
            case NOTE, NOTE_DELETED -> groupId != null ? groups.contains(groupId) : authorId != null && authorId == accountId;
            case NOTIFICATION, MEMBERSHIP -> recipientId != null && recipientId == accountId;
        };
    }
}
