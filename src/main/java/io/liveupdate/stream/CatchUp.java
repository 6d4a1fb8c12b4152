package io.liveupdate.stream;

import io.liveupdate.persistence.ChangeLog;
import io.liveupdate.persistence.LoggedChange;
import io.liveupdate.persistence.StreamHead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The one catch-up decision, for every protocol: given the number of the last change a client has on a stream (and
 * the epoch of that number, when the client knows it), whether it is up to date, can be sent what it missed, or must
 * start again from the present ({@link CatchUpPlan}). The protocol adapters ({@code live.ChannelReplay} for Bayeux,
 * {@code remote.RemoteCatchUp} for RemoteEvents) only say the plan on their wire.
 */
@ApplicationScoped
public class CatchUp {

    /** Changes read from the log at a time while a replay is sent. */
    static final int BATCH = 500;

    @Inject
    ChangeLog log;

    public CatchUp() {
    }

    /** Over this log, outside a container. */
    public CatchUp(ChangeLog log) {
        this.log = log;
    }

    /**
     * How many missed changes a client whose queue takes {@code queueCapacity} messages may be sent at once: half, so
     * that the live changes coming while the replay goes out still fit; more is a reload (or, where the client cannot
     * be told to reload, a gap it is told of in the log).
     */
    public static int replayLimit(int queueCapacity) {
        return Math.max(1, queueCapacity / 2);
    }

    /** Where the stream stands now: for a client that has seen none of its changes yet. */
    public StreamHead position(String stream) {
        return log.head(stream);
    }

    /**
     * @param lastSeq the number of the last change the client has, 0 for none
     * @param epoch the epoch of {@code lastSeq}; null when not known, then the number alone decides
     * @param maxChanges how many changes the client may be sent at once (what its queue can take)
     * @throws IllegalStateException while the change log cannot be read
     */
    public CatchUpPlan plan(String stream, long lastSeq, String epoch, int maxChanges) {
        var head = log.head(stream);
        long last = head.lastSeq();
        boolean otherEpoch = epoch != null && head.epoch() != null && !epoch.equals(head.epoch());
        if (otherEpoch) return new CatchUpPlan.Reload(last, head.epoch(), CatchUpPlan.Reason.OTHER_EPOCH);
        if (lastSeq == last) return new CatchUpPlan.UpToDate(last, head.epoch());
        if (lastSeq > last) return new CatchUpPlan.Reload(last, head.epoch(), CatchUpPlan.Reason.AHEAD);
        var firstKept = log.firstKept(stream);
        if (firstKept.isEmpty() || firstKept.getAsLong() > lastSeq + 1) {
            return new CatchUpPlan.Reload(last, head.epoch(), CatchUpPlan.Reason.TRIMMED);
        }
        if (last - lastSeq > maxChanges) return new CatchUpPlan.Reload(last, head.epoch(), CatchUpPlan.Reason.TOO_MANY);
        return new CatchUpPlan.Replay(lastSeq, last, head.epoch(), () -> new Batches(stream, lastSeq, maxChanges));
    }

    /** The stream's changes after a number, at most a number of them, read {@value #BATCH} at a time as they are taken. */
    private final class Batches implements Iterator<LoggedChange> {

        private final String stream;
        private final ArrayDeque<LoggedChange> read = new ArrayDeque<>();
        private long after;
        private int left;
        private boolean exhausted;

        Batches(String stream, long after, int max) {
            this.stream = stream;
            this.after = after;
            this.left = max;
        }

        @Override
        public boolean hasNext() {
            if (read.isEmpty() && !exhausted && left > 0) {
                int asked = Math.min(BATCH, left);
                var batch = log.after(stream, after, asked);
                read.addAll(batch);
                left -= batch.size();
                exhausted = batch.size() < asked;
                if (!batch.isEmpty()) after = batch.get(batch.size() - 1).seq();
            }
            return !read.isEmpty();
        }

        @Override
        public LoggedChange next() {
            if (!hasNext()) throw new NoSuchElementException();
            return read.poll();
        }
    }
}
