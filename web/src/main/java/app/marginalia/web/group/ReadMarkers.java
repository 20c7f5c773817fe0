package app.marginalia.web.group;

import app.marginalia.persistence.annotation.ReadMarker;
import app.marginalia.persistence.group.ReadingListEntry;
import app.marginalia.web.system.CurrentUser.SignedIn;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;

/**
 * "Seen up to here" per member, group and paper: what makes notes new. A member's own bookkeeping,
 * not something that happened in the group, so it emits no event.
 */
@ApplicationScoped
public class ReadMarkers {

    /**
     * Marks the paper's discussion in the group seen up to {@code upTo} (the moment the member's
     * page was rendered, so a note saved after it stays new; never later than now, and a marker
     * never moves back); 404 unless a member and the paper is on the list. Only this POST writes
     * the marker: opening the reader is a GET and changes nothing.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void seen(long groupId, long paperId, SignedIn user, Instant upTo) {
        QuarkusTransaction.requiringNew().run(() -> {
            GroupAccess.enter(groupId, user);
            if (!ReadingListEntry.listed(groupId, paperId)) {
                throw new NotFoundException();
            }
        });
        Instant now = Instant.now();
        // Whatever a client sends: no later than now, no earlier than 1970 (every database stores that).
        Instant at = upTo == null || upTo.isAfter(now) ? now : upTo.isBefore(Instant.EPOCH) ? Instant.EPOCH : upTo;
        markSeen(user.id(), groupId, paperId, at);
    }

    /**
     * Records that the member has now seen the paper's discussion in the group. Runs in its
     * own transaction: two tabs marking the same paper at once must not fail the request.
     */
    private static void markSeen(long accountId, long groupId, long paperId, Instant at) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (!ReadMarker.advance(accountId, groupId, paperId, at)) {
                    ReadMarker marker = new ReadMarker();
                    marker.accountId = accountId;
                    marker.groupId = groupId;
                    marker.paperId = paperId;
                    marker.seenAt = at;
                    marker.persist();
                }
            });
        } catch (RuntimeException raced) {
            // Another request created the marker at the same moment; it says the same thing.
            Log.debugf("Read marker raced for account %d, paper %d", accountId, paperId);
        }
    }
}
