package app.marginalia.web.group;

import app.marginalia.core.discussion.ThreadKind;
import app.marginalia.core.discussion.ThreadState;
import app.marginalia.persistence.annotation.Annotation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The threads of a group's notes on a paper, each with its kind and state as core decides them
 * ({@code core.discussion.Thread.of}): the agenda and the minutes read them from
 * here, so neither decides "open" or "resolved" on its own.
 */
final class GroupThreads {

    /** How many replies each thread has that are not deleted, by root id. */
    private final Map<Long, Long> liveReplies = new HashMap<>();

    GroupThreads(List<Annotation> notes) {
        for (Annotation a : notes) {
            if (!a.isRoot() && !a.deleted) {
                liveReplies.merge(a.rootId, 1L, Long::sum);
            }
        }
    }

    long replies(Annotation root) {
        return liveReplies.getOrDefault(root.id, 0L);
    }

    ThreadKind kind(Annotation root) {
        return root.thread(replies(root) > 0).kind();
    }

    ThreadState state(Annotation root) {
        return root.thread(replies(root) > 0).state();
    }
}
