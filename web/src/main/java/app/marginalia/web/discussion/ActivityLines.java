package app.marginalia.web.discussion;

import app.marginalia.core.group.ActivitySentence;
import app.marginalia.persistence.group.Activity;

import java.time.ZoneId;

/**
 * The sentence of an activity line as it reads now, from the names its references have today
 * (the finders fetch them with the lines, so a page of lines costs no more statements). A line
 * written before lines kept their facts reads as it was stored when it lacks one its sentence needs.
 */
public final class ActivityLines {

    private ActivityLines() {
    }

    /** The line's sentence, a meeting given in the group's time zone. */
    public static String sentence(Activity a) {
        ActivitySentence.Line line = new ActivitySentence.Line(a.kind, a.actor == null ? null : a.actor.displayName,
                a.subject == null ? null : a.subject.displayName, a.paper == null ? null : a.paper.title, a.detail);
        if (a.summary != null && !ActivitySentence.complete(line)) {
            return a.summary;
        }
        return ActivitySentence.write(line, ZoneId.of(a.group.timeZone));
    }
}
