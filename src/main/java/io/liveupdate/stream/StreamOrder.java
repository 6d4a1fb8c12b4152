package io.liveupdate.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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
 * @param <T> a change as it is delivered
 */
public final class StreamOrder<T> {

    /** What the log holds, as {@code ChangeLog.after} reads it. */
    @FunctionalInterface
    public interface Log<T> {
        /** The stream's changes numbered after {@code seq}, oldest first, at most {@code limit}. */
        List<T> after(String stream, long seq, int limit);
    }

    /** Told when changes this node has not delivered are no longer in the log: its clients must reload. */
    @FunctionalInterface
    public interface Skipped {
        /**
         * Called, before the change numbered {@code lastMissing + 1} is delivered, when the stream's changes up to
         * {@code lastMissing} will never be: clients that had anything before them reload, then carry on from it.
         */
        void skipped(String stream, long lastMissing);
    }

    private static final Logger LOG = Logger.getLogger(StreamOrder.class.getName());
    /** Changes read from the log at a time when filling a gap. */
    static final int BATCH = 500;

    private final Log<T> log;
    private final ToLongFunction<T> seqOf;
    private final Consumer<T> deliver;
    private final Skipped skipped;
    private final Map<String, Mark> marks = new ConcurrentHashMap<>();
    private volatile boolean baselined;

    public StreamOrder(Log<T> log, ToLongFunction<T> seqOf, Consumer<T> deliver) {
        this(log, seqOf, deliver, (stream, lastMissing) -> { });
    }

    public StreamOrder(Log<T> log, ToLongFunction<T> seqOf, Consumer<T> deliver, Skipped skipped) {
        this.log = log;
        this.seqOf = seqOf;
        this.deliver = deliver;
        this.skipped = skipped;
    }

    /** Every stream's last number when the node starts: what was committed before is not delivered again. */
    public void baseline(Map<String, Long> lastSeqs) {
        lastSeqs.forEach((stream, last) -> marks.putIfAbsent(stream, new Mark(last)));
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
        Mark mark = markOf(stream, seq);
        synchronized (mark) {
            if (seq <= mark.delivered) return;
            fill(stream, mark, seq - 1);
            if (seq <= mark.delivered) return;
            mark.delivered = seq;
            deliver.accept(change);
        }
    }

    /**
     * The stream has change {@code seq} (another node's doorbell, or this node's own): everything up to it that this
     * node has not delivered is read from the log and delivered.
     *
     * @throws IllegalStateException when the log cannot be read; the mark stays where delivery stopped
     */
    public void advanced(String stream, long seq) {
        Mark mark = markOf(stream, seq);
        synchronized (mark) {
            if (seq > mark.delivered) fill(stream, mark, seq);
        }
    }

    /** The database's last numbers: repairs what a lost doorbell left undelivered. */
    public void reconcile(Map<String, Long> lastSeqs) {
        if (!baselined) {
            baseline(lastSeqs);
            return;
        }
        lastSeqs.forEach(this::advanced);
    }

    /** The number of the stream's last delivered change, or -1 for a stream not heard of. */
    public long delivered(String stream) {
        Mark mark = marks.get(stream);
        if (mark == null) return -1;
        synchronized (mark) {
            return mark.delivered;
        }
    }

    private Mark markOf(String stream, long seqHeard) {
        return marks.computeIfAbsent(stream, s -> new Mark(baselined ? 0 : seqHeard - 1));
    }

    /** Delivers the log's changes after the mark up to {@code upTo}, in order; the mark follows each one. */
    private void fill(String stream, Mark mark, long upTo) {
        while (mark.delivered < upTo) {
            List<T> batch = log.after(stream, mark.delivered, BATCH);
            for (T change : batch) {
                long seq = seqOf.applyAsLong(change);
                if (seq > upTo) return;
                if (seq <= mark.delivered) continue;
                if (seq != mark.delivered + 1) {
                    long missing = mark.delivered;
                    LOG.warning(() -> stream + ": changes " + (missing + 1) + "-" + (seq - 1) + " are no longer in the log; "
                            + "its clients are told to reload, then delivered from " + seq);
                    skipped.skipped(stream, seq - 1);
                }
                mark.delivered = seq;
                deliver.accept(change);
            }
            if (batch.size() < BATCH) return;
        }
    }

    /** The number of the last change of a stream delivered on this node; guarded by its own monitor. */
    private static final class Mark {
        long delivered;

        Mark(long delivered) {
            this.delivered = delivered;
        }
    }
}
