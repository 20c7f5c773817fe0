package app.marginalia.core.discussion;

import app.marginalia.core.annotation.AnnotationLimits;
import app.marginalia.core.annotation.Motivation;
import app.marginalia.core.paper.FieldProblem;

import java.util.Optional;

/**
 * The rules a note obeys whoever writes it: what a new thread may be, when a note needs words,
 * and where a reply goes in its thread. Permissions are {@code core.group.Policy}'s; this is
 * about the shape of the discussion.
 */
public final class NoteRules {

    private NoteRules() {
    }

    /** A new thread's motivation: what was asked for, or a comment when nothing was. */
    public static Motivation motivationOf(Motivation requested) {
        return requested == null ? Motivation.COMMENTING : requested;
    }

    /**
     * What is wrong with starting a thread of this motivation, if anything: a reply is written
     * in its thread, never as a new one; a highlight marks a passage, so it needs one (a note on
     * the whole paper is a comment, which needs words).
     */
    public static Optional<FieldProblem> newThreadProblem(Motivation motivation, boolean hasPassage) {
        if (motivation == Motivation.REPLYING) {
            return Optional.of(new FieldProblem("motivation", "Reply to a note from its thread."));
        }
        if (motivation == Motivation.HIGHLIGHTING && !hasPassage) {
            return Optional.of(new FieldProblem("motivation",
                    "A highlight needs a passage; a note on the whole paper needs text."));
        }
        return Optional.empty();
    }

    /** Every note but a highlight must say something. */
    public static boolean bodyRequired(Motivation motivation) {
        return motivation != Motivation.HIGHLIGHTING;
    }

    /** How deep a note sits: the number of notes above it on its ancestor path ({@code /1/5/} is 2). */
    public static int depth(String ancestors) {
        return ancestors == null ? 0 : ancestors.split("/").length - 1;
    }

    /**
     * Whether a reply to a note at this path goes to that note's parent instead: a reply that
     * would nest {@link AnnotationLimits#DEPTH_MAX} deep or deeper becomes a sibling of the note
     * it answers, so threads stop growing sideways. A thread's root always takes replies.
     */
    public static boolean replyGoesToParent(String parentAncestors, boolean parentIsRoot) {
        return !parentIsRoot && depth(parentAncestors) + 1 >= AnnotationLimits.DEPTH_MAX;
    }

    /** The ancestor path of a reply to the note {@code parentId} whose own path is {@code parentAncestors}. */
    public static String ancestorsUnder(String parentAncestors, long parentId) {
        return (parentAncestors == null ? "/" : parentAncestors) + parentId + "/";
    }
}
