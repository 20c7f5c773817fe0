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
    ADMINISTER_INSTANCE
}
