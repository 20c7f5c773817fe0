package app.marginalia.core.discussion;

import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.annotation.ReactionKind;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Something that happened in the group's discussion or to what it stands on. A command changes
 * state and emits exactly one event; the observers (activity feed, notifications, live pages,
 * the search index) react to it. Every event is also appended, in the command's transaction,
 * to the outbox, so another instance or a restarted one can apply it later.
 *
 * <p>Events carry ids and small facts only, never text a reader would see: whoever shows them
 * looks the names up when they are read, so a renamed member or paper reads correctly everywhere.
 * {@code groupId} is null for a private note (and for library events).
 */
public sealed interface DiscussionEvent {

    /** Who caused it; null for the system (the seed import). */
    Long actorId();

    /** The group whose discussion or list changed; null for private notes and library events. */
    Long groupId();

    // ---- Notes ----

    /** A new highlight, note or question on a paper (a thread's root). */
    record NoteAdded(long noteId, long paperId, Long groupId, Long actorId, Motivation motivation) implements NoteEvent {
        public long threadId() {
            return noteId;
        }
    }

    /** A reply in a thread. */
    record ReplyAdded(long noteId, long threadId, long parentId, long paperId, Long groupId, Long actorId)
            implements NoteEvent {
    }

    /** A note's body or tags changed. */
    record NoteEdited(long noteId, long threadId, long paperId, Long groupId, Long actorId) implements NoteEvent {
    }

    /** A note was deleted (a tombstone when it has replies). */
    record NoteDeleted(long noteId, long threadId, long paperId, Long groupId, Long actorId) implements NoteEvent {
    }

    /** A reaction given ({@code given}) or taken back. */
    record Reacted(long noteId, long threadId, long paperId, Long groupId, Long actorId, ReactionKind kind,
                   boolean given) implements NoteEvent {
    }

    /** A question's answer chosen ({@code answerId}) or unchosen (null). */
    record AnswerMarked(long threadId, Long answerId, long paperId, Long groupId, Long actorId) implements NoteEvent {
        public long noteId() {
            return answerId == null ? threadId : answerId;
        }
    }

    /** A thread resolved ({@code resolved}) or reopened. */
    record ThreadResolved(long threadId, long paperId, Long groupId, Long actorId, boolean resolved) implements NoteEvent {
        public long noteId() {
            return threadId;
        }
    }

    /** A private note shared into a group. */
    record NoteShared(long threadId, long paperId, Long groupId, Long actorId) implements NoteEvent {
        public long noteId() {
            return threadId;
        }
    }

    /** A detached note placed on a passage again by hand. */
    record NoteReattached(long threadId, long paperId, Long groupId, Long actorId) implements NoteEvent {
        public long noteId() {
            return threadId;
        }
    }

    /** Events about one note of one thread. */
    sealed interface NoteEvent extends DiscussionEvent
            permits NoteAdded, ReplyAdded, NoteEdited, NoteDeleted, Reacted, AnswerMarked, ThreadResolved, NoteShared,
            NoteReattached {
        long noteId();

        long threadId();

        long paperId();
    }

    // ---- Reading lists and groups ----

    /**
     * The group recorded what it concluded about a paper. {@code detail} is what the line needs
     * and the entry no longer shows: {@link #CONCLUSION_MOVED} when this first conclusion moved the
     * paper to discussed, {@link #CONCLUSION_UPDATED} when it replaced an earlier one, null when it
     * is the first on a paper that was discussed already.
     */
    record ConclusionRecorded(long entryId, long paperId, Long groupId, Long actorId, String detail)
            implements DiscussionEvent {
    }

    /** {@link ConclusionRecorded#detail}: the first conclusion, and the paper moved to discussed. */
    String CONCLUSION_MOVED = "moved";
    /** {@link ConclusionRecorded#detail}: a conclusion written again. */
    String CONCLUSION_UPDATED = "updated";

    /** What happened to a reading-list entry. */
    enum ListChange { PROPOSED, STATUS_CHANGED, MEETING_SCHEDULED, REMOVED, VOTE_CAST, VOTE_WITHDRAWN, SEEDED }

    /**
     * A paper proposed, moved, scheduled, voted on or removed. {@code detail} is a fact the line
     * needs and the rows may not keep: the new status, the meeting time (ISO instant), or the
     * number of papers a new group was seeded with.
     */
    record ReadingListChanged(Long groupId, Long paperId, Long actorId, ListChange change, String detail)
            implements DiscussionEvent {
    }

    /** What happened to someone's membership. */
    enum MemberChange { JOINED, LEFT, REMOVED, ROLE_CHANGED, OWNERSHIP_TRANSFERRED }

    /** Someone joined, left, was removed, got a new role; {@code detail} is the new role's name. */
    record MembershipChanged(Long groupId, long memberId, Long actorId, MemberChange change, String detail)
            implements DiscussionEvent {
    }

    /** What happened to a group itself. */
    enum GroupChange { CREATED, EDITED, INVITATION_CREATED, INVITATION_REVOKED, DELETED }

    /** A group created, renamed or described anew, its invitations changed, or the group deleted. */
    record GroupChanged(Long groupId, Long actorId, GroupChange change) implements DiscussionEvent {
    }

    // ---- What the discussion stands on ----

    /** A library paper was added or changed (metadata, text, notes re-anchored). */
    record PaperChanged(long paperId, Long actorId) implements DiscussionEvent {
        public Long groupId() {
            return null;
        }
    }

    /**
     * Someone's account changed in a way others see or their sessions depend on: a new display
     * name, a new password, signing out everywhere, disabled by an administrator.
     */
    record AccountChanged(long accountId, Long actorId, boolean renamed) implements DiscussionEvent {
        public Long groupId() {
            return null;
        }
    }

    // ---- The outbox's form ----

    /** The event's type name as the outbox stores it. */
    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * The event's fields in declaration order, separated by {@code |}; null as the empty string,
     * text URL-encoded, so any value survives. Kept short enough for a PostgreSQL NOTIFY payload.
     */
    default String payload() {
        return Arrays.stream(getClass().getRecordComponents()).map(c -> {
            try {
                Object value = c.getAccessor().invoke(this);
                return value == null ? "" : value instanceof String s
                        ? URLEncoder.encode(s, StandardCharsets.UTF_8) : value.toString();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining("|"));
    }

    /** Every kind of event, by {@link #type()}. */
    Map<String, Class<? extends DiscussionEvent>> TYPES = Stream.of(NoteAdded.class, ReplyAdded.class,
                    NoteEdited.class, NoteDeleted.class, Reacted.class, AnswerMarked.class, ThreadResolved.class,
                    NoteShared.class, NoteReattached.class, ConclusionRecorded.class, ReadingListChanged.class,
                    MembershipChanged.class, GroupChanged.class, PaperChanged.class, AccountChanged.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    /** An event read back from its type and payload; empty for an unknown type or a malformed payload. */
    static Optional<DiscussionEvent> decode(String type, String payload) {
        Class<? extends DiscussionEvent> cls = TYPES.get(type);
        if (cls == null || payload == null) {
            return Optional.empty();
        }
        RecordComponent[] components = cls.getRecordComponents();
        String[] parts = payload.split("\\|", -1);
        if (parts.length != components.length) {
            return Optional.empty();
        }
        try {
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = value(types[i], parts[i]);
            }
            Constructor<? extends DiscussionEvent> constructor = cls.getDeclaredConstructor(types);
            return Optional.of(constructor.newInstance(values));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Class<?> type, String text) {
        if (type == long.class) {
            return Long.parseLong(text);
        }
        if (type == boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("not a boolean: " + text);
            }
            return Boolean.parseBoolean(text);
        }
        if (text.isEmpty()) {
            return null;
        }
        if (type == Long.class) {
            return Long.valueOf(text);
        }
        if (type == String.class) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<Enum>) type, text);
        }
        throw new IllegalArgumentException("no codec for " + type);
    }
}
