package io.liveupdate.stream;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes the delivery of doorbells off the thread that hears them: one lane per stream, which hands the numbers heard
 * for its stream to {@link Delivery} one at a time, in the order heard, on an executor. Different streams' lanes run
 * side by side, so a stream whose log read or fan-out is slow holds up neither another stream nor the listener.
 *
 * <p>Numbers heard while a lane is busy wait as one: a number of the same epoch as the last one waiting replaces it
 * when higher (delivering up to the higher number delivers the lower one too), so a burst of doorbells costs one
 * log read. A number of another epoch (the stream was reset) waits behind it, as heard.
 *
 * <p>A delivery that throws is logged and costs the next one nothing (the periodic check delivers what it left out).
 * When the executor refuses a lane (the application stops), the lane runs on the calling thread instead, so nothing
 * heard is dropped.
 */
public final class StreamLanes {

    /** What a lane does with a number: delivers the stream's changes up to it. */
    @FunctionalInterface
    public interface Delivery {
        /** @param epoch the epoch {@code seq} belongs to; null when not known */
        void deliver(String stream, long seq, String epoch);
    }

    private static final Logger LOG = Logger.getLogger(StreamLanes.class.getName());

    private final Executor executor;
    private final Delivery delivery;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    public StreamLanes(Executor executor, Delivery delivery) {
        this.executor = executor;
        this.delivery = delivery;
    }

    /** The stream has change {@code seq} of {@code epoch}: delivered by the stream's lane, after what it has queued. */
    public void heard(String stream, long seq, String epoch) {
        Lane lane = lanes.computeIfAbsent(stream, Lane::new);
        if (!lane.queue(seq, epoch)) return; // the lane is running and will take it
        try {
            executor.execute(lane);
        } catch (RejectedExecutionException e) {
            lane.run();
        }
    }

    /** A number to deliver up to, and the epoch it counts in. */
    private record Target(long seq, String epoch) {
    }

    /** One stream's numbers waiting, and whether a task is on its way to deliver them. */
    private final class Lane implements Runnable {
        private final String stream;
        private final ArrayDeque<Target> waiting = new ArrayDeque<>();
        private boolean scheduled;

        Lane(String stream) {
            this.stream = stream;
        }

        /** @return whether the lane must be started (no task is on its way) */
        synchronized boolean queue(long seq, String epoch) {
            Target last = waiting.peekLast();
            if (last != null && Objects.equals(last.epoch(), epoch)) {
                if (seq > last.seq()) {
                    waiting.pollLast();
                    waiting.addLast(new Target(seq, epoch));
                }
            } else {
                waiting.addLast(new Target(seq, epoch));
            }
            if (scheduled) return false;
            scheduled = true;
            return true;
        }

        private synchronized Target next() {
            Target next = waiting.pollFirst();
            if (next == null) scheduled = false;
            return next;
        }

        /** After an Error: what waits stays, and the next number heard starts the lane again. */
        private synchronized void abandoned() {
            scheduled = false;
        }

        @Override
        public void run() {
            boolean drained = false;
            try {
                for (Target target = next(); target != null; target = next()) {
                    try {
                        delivery.deliver(stream, target.seq(), target.epoch());
                    } catch (RuntimeException e) {
                        // The mark stays where delivery stopped; the next doorbell or the periodic check reads from there.
                        LOG.log(Level.WARNING, "Delivering " + stream + " up to #" + target.seq() + " failed; the next check repairs it", e);
                    }
                }
                drained = true;
            } finally {
                if (!drained) abandoned();
            }
        }
    }
}
