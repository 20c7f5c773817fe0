package app.marginalia.web.group;

import app.marginalia.core.annotation.AnnotationLimits;
import app.marginalia.core.annotation.Markdown;
import app.marginalia.core.discussion.DiscussionEvent;
import app.marginalia.core.discussion.DiscussionEvent.ConclusionRecorded;
import app.marginalia.core.group.Action;
import app.marginalia.core.group.ReadingStatus;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.web.event.DiscussionEvents;
import app.marginalia.web.system.CurrentUser.SignedIn;
import app.marginalia.web.system.InvalidFormException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.Locale;

/** Records what a group concluded about a paper after its meeting; emits one {@link ConclusionRecorded}. */
@ApplicationScoped
@Transactional
public class ConclusionCommand {

    private final DiscussionEvents events;

    ConclusionCommand(DiscussionEvents events) {
        this.events = events;
    }

    /**
     * Records the conclusion (moderators and owners) on a paper whose status
     * {@link ReadingStatus#canConclude}, and leaves the paper discussed by legal moves only
     * ({@link ReadingStatus#pathTo}: a scheduled paper passes through reading). A paper already
     * discussed keeps its status and gets the new text.
     */
    public void conclude(long groupId, long paperId, SignedIn user, String text) {
        GroupAccess.Context at = GroupAccess.enter(groupId, user);
        at.require(Action.RECORD_CONCLUSION, "Only the group's owners and moderators record its conclusion.");
        ReadingListEntry entry = ReadingListEntry.forPaper(groupId, paperId).orElseThrow(NotFoundException::new);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidFormException("conclusion", "Write what the group concluded.");
        }
        if (body.length() > AnnotationLimits.BODY_MAX) {
            throw new InvalidFormException("conclusion", "A conclusion can be at most " + AnnotationLimits.BODY_MAX
                    + " characters; this one has " + body.length() + ".");
        }
        if (!entry.status.canConclude()) {
            throw new InvalidFormException("conclusion", "A paper that is " + entry.status.label().toLowerCase(Locale.ROOT)
                    + " cannot be concluded; schedule its meeting first.");
        }
        String detail = entry.conclusion != null ? DiscussionEvent.CONCLUSION_UPDATED
                : entry.status != ReadingStatus.DISCUSSED ? DiscussionEvent.CONCLUSION_MOVED : null;
        for (ReadingStatus step : entry.status.pathTo(ReadingStatus.DISCUSSED)) {
            // pathTo gives legal moves only; checked again so a change to the rules cannot slip through here.
            if (!entry.status.canMoveTo(step)) {
                throw new IllegalStateException(entry.status + " cannot move to " + step);
            }
            entry.status = step;
        }
        entry.conclusion = body;
        entry.conclusionHtml = Markdown.toSafeHtml(body);
        entry.concludedBy = at.membership().account;
        entry.concludedAt = Instant.now();
        entry.updatedAt = entry.concludedAt;
        events.emit(new ConclusionRecorded(entry.id, paperId, groupId, user.id(), detail));
    }
}
