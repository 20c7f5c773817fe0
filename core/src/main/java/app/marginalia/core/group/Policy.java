package app.marginalia.core.group;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Permissions as data: for each {@link Action}, the condition on the {@link Actor} that allows
 * it. Services ask {@link #allows}; nothing else in the application decides who may do what.
 *
 * <p>Two rules sit beside the table because they are about the group's state, not the actor:
 * the last owner cannot leave or be demoted (see {@code GroupRules}), and a non-member is told
 * nothing about a private group (callers answer 404 when {@link Action#VIEW_GROUP} is refused).
 */
public final class Policy {

    private static final Predicate<Actor> MEMBER = a -> a.hasRole(Role.MEMBER);
    private static final Predicate<Actor> MODERATOR = a -> a.hasRole(Role.MODERATOR);
    private static final Predicate<Actor> OWNER = a -> a.hasRole(Role.OWNER);
    private static final Predicate<Actor> AUTHOR = Actor::author;
    private static final Predicate<Actor> ADMINISTRATOR = Actor::administrator;
    /** A moderator may act on plain members; an owner on anyone but another owner. */
    private static final Predicate<Actor> OUTRANKS_TARGET = a -> a.role().isPresent() && a.targetRole().isPresent()
            && (a.role().get() == Role.OWNER ? a.targetRole().get() != Role.OWNER
            : a.role().get().compareTo(a.targetRole().get()) > 0);

    private static final Map<Action, Predicate<Actor>> TABLE;

    static {
        Map<Action, Predicate<Actor>> table = new EnumMap<>(Action.class);
        table.put(Action.VIEW_GROUP, MEMBER);
        table.put(Action.EDIT_GROUP, MODERATOR);
        table.put(Action.DELETE_GROUP, OWNER);
        table.put(Action.MANAGE_INVITATIONS, MODERATOR);
        table.put(Action.REMOVE_MEMBER, MODERATOR.and(OUTRANKS_TARGET));
        table.put(Action.CHANGE_ROLE, OWNER.and(OUTRANKS_TARGET));
        table.put(Action.TRANSFER_OWNERSHIP, OWNER);
        table.put(Action.LEAVE_GROUP, MEMBER);
        table.put(Action.PROPOSE_PAPER, MEMBER);
        table.put(Action.VOTE, MEMBER);
        table.put(Action.CHANGE_STATUS, MODERATOR.or(MEMBER.and(AUTHOR)));
        table.put(Action.SCHEDULE_MEETING, MODERATOR);
        table.put(Action.RECORD_CONCLUSION, MODERATOR);
        table.put(Action.REMOVE_ENTRY, MODERATOR.or(MEMBER.and(AUTHOR)));
        table.put(Action.ANNOTATE, MEMBER);
        table.put(Action.REPLY, MEMBER);
        table.put(Action.REACT, MEMBER);
        table.put(Action.EDIT_NOTE, MEMBER.and(AUTHOR));
        table.put(Action.DELETE_NOTE, MODERATOR.or(MEMBER.and(AUTHOR)));
        table.put(Action.RESOLVE_THREAD, MODERATOR.or(MEMBER.and(AUTHOR)));
        table.put(Action.ANSWER_QUESTION, MODERATOR.or(MEMBER.and(AUTHOR)));
        table.put(Action.REATTACH_NOTE, MEMBER);
        // The adder's right is further bounded by the paper's stakes (paperChange); a group role gives none:
        // the library is shared, and running one group's discussion is no right over another's.
        table.put(Action.EDIT_PAPER, ADMINISTRATOR.or(AUTHOR));
        table.put(Action.PROPOSE_PAPER_CHANGE, Actor::signedIn);
        table.put(Action.REVIEW_PAPER_CHANGES, ADMINISTRATOR);
        table.put(Action.ADMINISTER_INSTANCE, ADMINISTRATOR);
        for (Action action : Action.values()) {
            if (!table.containsKey(action)) {
                throw new IllegalStateException("no rule for " + action);
            }
        }
        TABLE = Collections.unmodifiableMap(table);
    }

    private Policy() {
    }

    public static boolean allows(Action action, Actor actor) {
        return TABLE.get(action).test(actor);
    }

    /** How a person may change a library paper: directly, only by proposing, or not at all. */
    public enum PaperChange { EDIT, PROPOSE, NONE }

    /**
     * Who may change a paper that others discuss. An administrator edits directly. Whoever added the
     * paper edits directly only while it is theirs alone: every note on it is their own private note
     * or sits in a group they run (moderate or own), and every group with it on its reading list is one
     * they run. Anyone else signed in proposes a change, which an administrator accepts or rejects.
     * A group role is no right over the paper: the library is shared, and whoever could edit because
     * they run one group could otherwise rewrite the passages another group's notes stand on.
     *
     * @param actor  the person, marked {@linkplain Actor#asAuthor author} when they added the paper
     * @param stakes the discussions and reading lists that depend on the paper, as seen from that person
     */
    public static PaperChange paperChange(Actor actor, PaperStakes stakes) {
        return paperChange(actor, () -> stakes);
    }

    /**
     * The same rule with the stakes looked up only when they matter (for the paper's adder), so the
     * reader page, which asks for everyone, costs no queries for the usual visitor.
     */
    public static PaperChange paperChange(Actor actor, Supplier<PaperStakes> stakes) {
        if (!actor.signedIn()) {
            return PaperChange.NONE;
        }
        if (actor.administrator()) {
            return PaperChange.EDIT;
        }
        if (allows(Action.EDIT_PAPER, actor) && stakes.get().allRunBy()) {
            return PaperChange.EDIT;
        }
        return allows(Action.PROPOSE_PAPER_CHANGE, actor) ? PaperChange.PROPOSE : PaperChange.NONE;
    }
}
