package io.liveupdate.bench;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * What every subscriber received of numbered messages: latency of each, and per subscriber which numbers arrived,
 * so that losses, duplicates and reordering are counted exactly rather than estimated. Messages come from
 * {@code streams} senders, sender k numbering k, k+streams, k+2*streams...; order is checked within a sender,
 * since concurrent senders' messages have no order between them.
 */
final class Deliveries {

    private final int streams;

    private final LatencyHistogram latency = new LatencyHistogram();
    private final LongAdder delivered = new LongAdder();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    Deliveries() {
        this(1);
    }

    Deliveries(int streams) {
        this.streams = streams;
    }

    /** Messages numbered below this were sent during warm-up: checked for loss, left out of the latency. */
    private volatile long measuredFrom = Long.MAX_VALUE;

    /** One subscriber's record. A session's frames are handled one at a time, so no locking is needed here. */
    final class Subscriber implements Probe.Sink {
        private final LongFunction<LatencyHistogram> split;
        private final BitSet seen = new BitSet();
        private final long[] highest = new long[streams];
        private long duplicates;
        private long reordered;
        private volatile long distinct;

        private Subscriber(LongFunction<LatencyHistogram> split) {
            this.split = split;
        }

        @Override
        public void received(long sequence, long sentNanos) {
            long now = System.nanoTime();
            delivered.increment();
            int n = (int) sequence;
            if (seen.get(n)) {
                duplicates++;
                return;
            }
            seen.set(n);
            distinct++;
            int stream = (int) (sequence % streams);
            if (sequence < highest[stream]) reordered++;
            highest[stream] = Math.max(highest[stream], sequence);
            if (sequence >= measuredFrom) {
                latency.record(now - sentNanos);
                if (split != null) split.apply(sequence).record(now - sentNanos);
            }
        }

        long distinct() {
            return distinct;
        }
    }

    Subscriber subscriber() {
        return subscriber(null);
    }

    /** A subscriber whose measured latencies also go to the histogram {@code split} picks for the message's number. */
    Subscriber subscriber(LongFunction<LatencyHistogram> split) {
        var subscriber = new Subscriber(split);
        subscribers.add(subscriber);
        return subscriber;
    }

    /** A subscriber whose session never opened: it is left out rather than counted as losing everything. */
    void forget(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    void measureFrom(long sequence) {
        measuredFrom = sequence;
    }

    long delivered() {
        return delivered.sum();
    }

    LatencyHistogram latency() {
        return latency;
    }

    /** The fewest messages any subscriber has received: what the slowest one has caught up to. */
    long slowest() {
        long min = Long.MAX_VALUE;
        for (var s : subscribers) min = Math.min(min, s.distinct());
        return subscribers.isEmpty() ? 0 : min;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Expected messages that some subscriber never received, counted once per subscriber. */
    long lost(BitSet expected) {
        long lost = 0;
        for (var s : subscribers) {
            var missing = (BitSet) expected.clone();
            missing.andNot(s.seen);
            lost += missing.cardinality();
        }
        return lost;
    }

    long duplicates() {
        long total = 0;
        for (var s : subscribers) total += s.duplicates;
        return total;
    }

    long reordered() {
        long total = 0;
        for (var s : subscribers) total += s.reordered;
        return total;
    }
}
