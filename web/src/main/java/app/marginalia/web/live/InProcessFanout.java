package app.marginalia.web.live;

import app.marginalia.core.discussion.Fanout;
import app.marginalia.core.discussion.LiveEvent;
import io.quarkus.logging.Log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The default: events reach the streams of this one application instance. With several
 * instances, {@link PostgresFanout} takes its place (see {@link Fanouts}) and uses one of these
 * per instance for numbering and replay.
 */
public class InProcessFanout implements Fanout {

    private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<LiveEvent> recent = new ArrayDeque<>();
    private long sequence;

    @Override
    public LiveEvent publish(LiveEvent event) {
        LiveEvent numbered;
        synchronized (recent) {
            numbered = event.withSequence(++sequence);
            recent.addLast(numbered);
            if (recent.size() > REPLAY) {
                recent.removeFirst();
            }
        }
        for (Consumer<LiveEvent> listener : listeners) {
            try {
                listener.accept(numbered);
            } catch (RuntimeException e) {
                Log.warnf(e, "A live-event listener failed on event %d", numbered.sequence());
            }
        }
        return numbered;
    }

    @Override
    public Subscription subscribe(Consumer<LiveEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public List<LiveEvent> since(long after) {
        synchronized (recent) {
            List<LiveEvent> result = new ArrayList<>();
            for (LiveEvent e : recent) {
                if (e.sequence() > after) {
                    result.add(e);
                }
            }
            return result;
        }
    }

    @Override
    public long sequence() {
        synchronized (recent) {
            return sequence;
        }
    }
}
