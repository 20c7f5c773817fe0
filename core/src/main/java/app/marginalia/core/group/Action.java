package app.marginalia.core.group;

/** Everything a person can do to a reading group or its reading list; see {@link Policy}. */
public enum Action {
    VIEW_GROUP,
    EDIT_GROUP,
    DELETE_GROUP,
    MANAGE_INVITATIONS,
    REMOVE_MEMBER,
    CHANGE_ROLE,
    TRANSFER_OWNERSHIP,
    LEAVE_GROUP,
    PROPOSE_PAPER,
    VOTE,
    CHANGE_STATUS,
    SCHEDULE_MEETING,
    REMOVE_ENTRY,
    /** Record (or change) what the group concluded about a paper after its meeting; moves it to DISCUSSED. */
    RECORD_CONCLUSION,
    /** Highlight or note a paper in a group's discussion. */
    ANNOTATE,
    REPLY,
    REACT,
    /** Change a note's text: its author only. */
    EDIT_NOTE,
    DELETE_NOTE,
    RESOLVE_THREAD,
    ANSWER_QUESTION,
    /** Attach a detached note to a passage again. */
    REATTACH_NOTE,
    /**
     * Change a library paper's metadata or text directly: administrators, and whoever added it. The
     * adder only while nobody else's discussion depends on the paper: see {@link Policy#paperChange}.
     */
    EDIT_PAPER,
    /** Propose a change to a library paper for an administrator to accept or reject: anyone signed in. */
    PROPOSE_PAPER_CHANGE,
    /** Accept or reject proposed changes, and revert a paper to an earlier revision: administrators. */
    REVIEW_PAPER_CHANGES,
    ADMINISTER_INSTANCE
}
