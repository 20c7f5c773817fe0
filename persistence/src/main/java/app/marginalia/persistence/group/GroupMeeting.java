package app.marginalia.persistence.group;

import java.time.Instant;

/** A group's next meeting, as {@link ReadingListEntry#nextMeetings} finds it. */
public record GroupMeeting(long groupId, Instant at) {
}
