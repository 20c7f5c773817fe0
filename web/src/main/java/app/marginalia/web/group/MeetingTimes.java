package app.marginalia.web.group;

import app.marginalia.persistence.group.ReadingGroup;
import app.marginalia.web.system.InvalidFormException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Meeting times as people type them: a local date and time in the group's zone. */
final class MeetingTimes {

    private MeetingTimes() {
    }

    static ZoneId zone(ReadingGroup group) {
        return ZoneId.of(group.timeZone);
    }

    /** The instant of a {@code datetime-local} input in the group's zone; 400 with an example otherwise. */
    static Instant parse(String input, ZoneId zone) {
        try {
            return LocalDateTime.parse(input.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFormException("meetingAt", "Give the meeting as a date and time, e.g. 2026-12-03T17:00.");
        }
    }
}
