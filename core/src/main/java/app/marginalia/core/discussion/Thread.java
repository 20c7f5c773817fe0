package app.marginalia.core.discussion;

import app.marginalia.core.annotation.Motivation;

/**
 * A thread as the discussion sees it: its {@link ThreadKind} and {@link ThreadState}, decided
 * from the facts of its root and whether anyone replied. The reader, the agenda, the minutes and
 * the search index all ask {@link #of}; the SQL counts mirror it
 * ({@code persistence.annotation.Annotation.THREAD_STATE}).
 */
public record Thread(ThreadKind kind, ThreadState state) {

    /**
     * @param rootMotivation the root note's motivation
     * @param rootBody       the root's text (blank for a bare highlight)
     * @param answered       a reply was chosen as the answer
     * @param resolved       the thread was resolved
     * @param rootDeleted    the root was deleted (a tombstone holding replies)
     * @param liveReplies    the thread has replies that are not deleted
     */
    public static Thread of(Motivation rootMotivation, String rootBody, boolean answered, boolean resolved,
                            boolean rootDeleted, boolean liveReplies) {
        ThreadKind kind = ThreadKind.of(rootMotivation, rootBody != null && !rootBody.isBlank(), liveReplies);
        return new Thread(kind, ThreadState.of(kind, answered, resolved, rootDeleted));
    }
}
