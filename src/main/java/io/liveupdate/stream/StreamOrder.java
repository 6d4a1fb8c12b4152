package io.liveupdate.stream;

import io.liveupdate.persistence.StreamHead;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;

/**
 * The ordering point of a node: for each stream, the number of the last change this node has delivered (its mark),
 * and the one way a change gets delivered, whoever noticed it. This node's own commits ({@link #committed}), other
 * nodes' doorbells ({@link #advanced}) and the periodic comparison with the database ({@link #reconcile}) all come
 * here, so each stream's changes are delivered once each, in log order: a number at or below the mark is a
 * duplicate and dropped; one further ahead first has the numbers in between read from the log.
 *
 * <p>Delivery runs on the caller's thread while the stream's mark is held, which serialises a stream and leaves
 * different streams independent. The mark moves before each delivery, so that a delivery that itself commits to the
 * same stream (an observer saving another event) delivers its change next instead of repeating this one.
 *
 * <p>A stream first heard of gets its mark from {@link #baseline} (the database's numbers when the node started): a
 * stream the baseline did not have was created since, and starts at 0. Until a baseline has been taken (the database
 * was down at start), a stream first heard of starts just below the number heard, and a reconcile takes the
 * database's numbers as the baseline instead of delivering them.
 *
 * <p>Each mark also holds the stream's epoch (see {@link StreamHead}): numbers count within an epoch only. A change,
 * doorbell, log read or check of another epoch means the database was reset (the stream's row made again): the
 * mark starts again just below that number in the new epoch, and {@link Skipped} tells the stream's clients to
 * reload first, so nothing of the new epoch is dropped as "already delivered". A check that finds the database's
 * last number below the mark in the same epoch means it was restored from an older backup: the stream is given a
 * new epoch ({@link Renewal}; one node wins, the others see its epoch) and carries on as after a reset. Until that
 * check (at most one period of the doorbell listener), changes numbered at or below the old mark are dropped. A
 * doorbell or commit of the epoch the mark has just left is a straggler from before the switch and dropped (the
 * reload covers it); a check of it (the database's word) still switches back. An epoch not known (a row from before
 * epochs, a caller that has none) matches any.
 *
 * @param <T> a change as it is delivered
 */
public final class StreamOrder<T> {

    /** What the log holds, as {@code ChangeLog.after} reads it. */
    @FunctionalInterface
    public interface Log<T> {
        /** The stream's changes numbered after {@code seq}, oldest first, at most {@code limit}. */
        List<T> after(String stream, long seq, int limit);
    }

    /** Told when changes this node has not delivered are no longer in the log, or the stream's epoch changed: its clients must reload. */
    @FunctionalInterface
    public interface Skipped {
        /**
         * Called, before the change numbered {@code lastMissing + 1} is delivered, when the stream's changes up to
         * {@code lastMissing} will never be: clients that had anything before them reload, then carry on from it.
         *
         * @param epoch the epoch {@code lastMissing} and what follows belong to; null when not known
         */
        void skipped(String stream, long lastMissing, String epoch);
    }

    /** Gives a stream found behind its mark a new epoch, as {@code ChangeLog.renewIfBehind} does. */
    @FunctionalInterface
    public interface Renewal {
        /**
         * Renews the stream's epoch if it is still {@code epoch} and its last number still below {@code delivered}.
         *
         * @return where the stream stands afterwards
         */
        StreamHead renewIfBehind(String stream, String epoch, long delivered);
    }

    private static final Logger LOG = Logger.getLogger(StreamOrder.class.getName());
    /** Changes read from the log at a time when filling a gap. */
    static final int BATCH = 500;

    private final Log<T> log;
    private final ToLongFunction<T> seqOf;
    private final Function<T, String> epochOf;
    private final Consumer<T> deliver;
    private final Skipped skipped;
    private final Renewal renewal;
    private final Map<String, Mark> marks = new ConcurrentHashMap<>();
    private volatile boolean baselined;

    /** Without epochs: every number counts in one history. */
    public StreamOrder(Log<T> log, ToLongFunction<T> seqOf, Consumer<T> deliver) {
        this(log, seqOf, deliver, (stream, lastMissing, epoch) -> { });
    }

    /** Without epochs: every number counts in one history. */
    public StreamOrder(Log<T> log, ToLongFunction<T> seqOf, Consumer<T> deliver, Skipped skipped) {
        this(log, seqOf, change -> null, deliver, skipped, null);
    }

    /**
     * @param epochOf the epoch a change's number belongs to (null: not known)
     * @param renewal how a stream restored behind its mark gets a new epoch; null: not detected
     */
    public StreamOrder(Log<T> log, ToLongFunction<T> seqOf, Function<T, String> epochOf, Consumer<T> deliver, Skipped skipped, Renewal renewal) {
        this.log = log;
        this.seqOf = seqOf;
        this.epochOf = epochOf;
        this.deliver = deliver;
        this.skipped = skipped;
        this.renewal = renewal;
    }

    /** Every stream's last number when the node starts: what was committed before is not delivered again. */
    public void baseline(Map<String, Long> lastSeqs) {
        baseline(lastSeqs, Map.of());
    }

    /** Every stream's last number and epoch when the node starts (a stream missing from {@code epochs}: not known). */
    public void baseline(Map<String, Long> lastSeqs, Map<String, String> epochs) {
        lastSeqs.forEach((stream, last) -> marks.putIfAbsent(stream, new Mark(last, epochs.get(stream))));
        baselined = true;
    }

    /**
     * A change this node committed (and the database confirmed): delivered after whatever the log has before it
     * that this node has not delivered yet, or dropped when it already was (read from the log on a doorbell).
     *
     * @throws IllegalStateException when the log cannot be read to fill a gap; the change is then not delivered
     *         (a reconcile delivers it, in order, once the database answers)
     */
    public void committed(String stream, T change) {
        long seq = seqOf.applyAsLong(change);
        String epoch = epochOf.apply(change);
        Mark mark = markOf(stream, seq, epoch);
        synchronized (mark) {
            if (!follow(stream, mark, epoch, seq, false)) return;
            if (seq <= mark.delivered) return;
            fill(stream, mark, seq - 1);
            // The log read may have found the stream reset since this change: it belongs to the history left behind.
            if (seq <= mark.delivered || (epoch != null && !epoch.equals(mark.epoch))) return;
            mark.delivered = seq;
            deliver.accept(change);
        }
    }

    /**
     * The stream has change {@code seq} (another node's doorbell, or this node's own): everything up to it that this
     * node has not delivered is read from the log and delivered, and whatever that read found after it.
     *
     * @throws IllegalStateException when the log cannot be read; the mark stays where delivery stopped
     */
    public void advanced(String stream, long seq) {
        advanced(stream, seq, null);
    }

    /** Like {@link #advanced(String, long)}, for change {@code seq} of {@code epoch} (a doorbell that says it). */
    public void advanced(String stream, long seq, String epoch) {
        Mark mark = markOf(stream, seq, epoch);
        synchronized (mark) {
            if (follow(stream, mark, epoch, seq, false) && seq > mark.delivered) fill(stream, mark, seq);
        }
    }

    /** The database's last numbers: repairs what a lost doorbell left undelivered. */
    public void reconcile(Map<String, Long> lastSeqs) {
        reconcile(lastSeqs, Map.of());
    }

    /**
     * The database's last numbers and epochs (a stream missing from {@code epochs}: not known): repairs what a lost
     * doorbell left undelivered, and finds a stream restored behind this node's mark.
     */
    public void reconcile(Map<String, Long> lastSeqs, Map<String, String> epochs) {
        if (!baselined) {
            baseline(lastSeqs, epochs);
            return;
        }
        lastSeqs.forEach((stream, last) -> checked(stream, last, epochs.get(stream)));
    }

    private void checked(String stream, long last, String epoch) {
        Mark mark = markOf(stream, last, epoch);
        synchronized (mark) {
            if (renewal != null && last < mark.delivered && (epoch == null || epoch.equals(mark.epoch))) {
                // Read before this node's latest delivery, or restored from an older backup: the database decides,
                // under the mark's lock (nothing is delivered meanwhile).
                StreamHead now = renewal.renewIfBehind(stream, epoch, mark.delivered);
                if (!Objects.equals(now.epoch(), mark.epoch)) {
                    LOG.warning(() -> stream + ": the database's last number " + now.lastSeq() + " is below the " + mark.delivered
                            + " delivered here: restored from an older backup; epoch " + mark.epoch + " renewed as " + now.epoch());
                }
                last = now.lastSeq();
                epoch = now.epoch();
            }
            if (follow(stream, mark, epoch, last, true) && last > mark.delivered) fill(stream, mark, last);
        }
    }

    /** The number of the stream's last delivered change, or -1 for a stream not heard of. */
    public long delivered(String stream) {
        Mark mark = marks.get(stream);
        if (mark == null) return -1;
        synchronized (mark) {
            return mark.delivered;
        }
    }

    /** The epoch of the stream's mark, or null for a stream not heard of or an epoch not known. */
    public String epoch(String stream) {
        Mark mark = marks.get(stream);
        if (mark == null) return null;
        synchronized (mark) {
            return mark.epoch;
        }
    }

    private Mark markOf(String stream, long seqHeard, String epoch) {
        return marks.computeIfAbsent(stream, s -> new Mark(baselined ? 0 : seqHeard - 1, epoch));
    }

    /**
     * Brings the mark into the epoch of change {@code seq}: the same or not known, it stays; another, the stream was
     * reset or renewed, and its clients reload before change {@code seq} is delivered.
     *
     * @param authoritative whether the database said so now (a check, a log read), rather than a doorbell or
     *        commit that may have been on its way since before the switch
     * @return false for a straggler of the epoch the mark has just left, which is dropped
     */
    private boolean follow(String stream, Mark mark, String epoch, long seq, boolean authoritative) {
        if (epoch == null || epoch.equals(mark.epoch)) return true;
        if (mark.epoch == null) {
            mark.epoch = epoch; // a row from before epochs has just been given one
            return true;
        }
        if (!authoritative && epoch.equals(mark.left)) return false;
        String was = mark.epoch;
        long delivered = mark.delivered;
        LOG.warning(() -> stream + ": epoch " + epoch + " instead of " + was + " (the database was reset or restored): change "
                + delivered + " delivered here belongs to another history; its clients are told to reload, then carry on from " + seq);
        mark.left = was;
        mark.epoch = epoch;
        mark.delivered = Math.max(0, seq - 1);
        skipped.skipped(stream, mark.delivered, epoch);
        return true;
    }

    /**
     * Delivers the log's changes after the mark, in order, at least up to {@code upTo}; the mark follows each one.
     * What a read returns beyond {@code upTo} is delivered too: it is committed (a read sees only committed changes,
     * and a stream's numbers commit in order), and its own doorbell, arriving a moment later, then finds it delivered
     * instead of reading the log again. Not after the read found the stream reset (another epoch than the mark's when
     * the fill began): then, as for any number of the history left behind, only up to {@code upTo}.
     */
    private void fill(String stream, Mark mark, long upTo) {
        String began = mark.epoch;
        while (mark.delivered < upTo) {
            List<T> batch = log.after(stream, mark.delivered, BATCH);
            for (T change : batch) {
                long seq = seqOf.applyAsLong(change);
                String epoch = epochOf.apply(change);
                if (epoch != null && !epoch.equals(mark.epoch)) {
                    // The log of another epoch than the mark's: the stream was reset since the number asked for.
                    follow(stream, mark, epoch, seq, true);
                }
                if (seq > upTo && !Objects.equals(mark.epoch, began)) return;
                if (seq <= mark.delivered) continue;
                if (seq != mark.delivered + 1) {
                    long missing = mark.delivered;
                    LOG.warning(() -> stream + ": changes " + (missing + 1) + "-" + (seq - 1) + " are no longer in the log; "
                            + "its clients are told to reload, then delivered from " + seq);
                    skipped.skipped(stream, seq - 1, mark.epoch);
                }
                mark.delivered = seq;
                deliver.accept(change);
            }
            if (batch.size() < BATCH) return;
        }
    }

    /** The number of the last change of a stream delivered on this node, and its epoch; guarded by its own monitor. */
    private static final class Mark {
        long delivered;
        String epoch;
        /** The epoch before the last switch, whose late doorbells and commits are dropped. */
        String left;

        Mark(long delivered, String epoch) {
            this.delivered = delivered;
            this.epoch = epoch;
        }
    }
}
