package io.liveupdate.cluster;

import io.liveupdate.bayeux.Bayeux;
import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.bayeux.FrozenMessage;
import io.liveupdate.bayeux.PublishListener;
import io.liveupdate.wire.CatchUpExt;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries the messages that are in no change log to the other nodes: every client publish this node delivered
 * (as the Bayeux server's {@link PublishListener}), and what the server publishes for every node
 * ({@code BayeuxServer.publishToEveryServer}, which tells the listener too). The publishing thread only
 * queues the message; one task at a time on the managed executor NOTIFYs what is queued, in order
 * ({@link MessageNotifier}), so a publisher's messages reach the other nodes in the order it made them and no
 * socket waits for the database.
 *
 * <p>At most once, like any pub/sub between nodes that keeps no history: while the database is down, or when more
 * than {@value #MAX_QUEUED} messages (or {@value #MAX_QUEUED_CHARS} characters) wait, messages reach this node's
 * subscribers only, and the loss is logged. A delivery that carries a number ({@code ext.seq}) is left alone: it is in
 * the change log, which carries it to the other nodes in order (storage operations do not even come here: their
 * ordering point delivers them, {@code Bayeux.DELIVERED}; the check guards against a numbered one that would).
 */
@ApplicationScoped
public class ClusterOutbox implements PublishListener {

    private static final Logger LOG = Logger.getLogger(ClusterOutbox.class.getName());
    static final int MAX_QUEUED = 10_000;
    static final long MAX_QUEUED_CHARS = 32L * 1024 * 1024;
    /** The {@code ext} field of a delivery that is in the change log. */
    static final String NUMBER = CatchUpExt.SEQ;
    /** Messages sent per pooled connection taken. */
    private static final int BATCH = 200;

    @Resource
    ManagedExecutorService executor;

    @Inject
    MessageNotifier notifier;

    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedChars = new AtomicLong();
    private final AtomicLong queuedCount = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean enabled;

    /** From now on messages go to the other nodes; not called on a single node (the embedded database). */
    void enable() {
        enabled = true;
    }

    @Override
    public void published(ChannelId channel, FrozenMessage delivery) {
        if (!isNumbered(delivery.object())) offer(delivery.json());
    }

    static boolean isNumbered(JsonObject delivery) {
        return delivery.get(Bayeux.EXT) instanceof JsonObject ext && ext.containsKey(NUMBER);
    }

    private void offer(String deliveryJson) {
        if (!enabled) return;
        long count = queuedCount.incrementAndGet();
        long chars = queuedChars.addAndGet(deliveryJson.length());
        if (count > MAX_QUEUED || chars > MAX_QUEUED_CHARS) {
            queuedCount.decrementAndGet();
            queuedChars.addAndGet(-deliveryJson.length());
            long total = dropped.incrementAndGet();
            if (total % 1000 == 1) LOG.warning("Messages reached this node's subscribers only (" + total + " so far): too many wait for the database already");
            return;
        }
        queue.add(deliveryJson);
        drainSoon();
    }

    private void drainSoon() {
        if (!draining.compareAndSet(false, true)) return;
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining.set(false); // the application stops: what waits stays here
        }
    }

    private void drain() {
        try {
            for (List<String> batch = take(); !batch.isEmpty(); batch = take()) send(batch);
        } finally {
            draining.set(false);
            if (!queue.isEmpty()) drainSoon();
        }
    }

    private List<String> take() {
        var batch = new ArrayList<String>();
        for (String next; batch.size() < BATCH && (next = queue.poll()) != null; ) {
            queuedCount.decrementAndGet();
            queuedChars.addAndGet(-next.length());
            batch.add(next);
        }
        return batch;
    }

    private void send(List<String> batch) {
        try {
            notifier.send(batch);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Up to " + batch.size() + " messages reached this node's subscribers only: the database could not "
                    + "pass them on (" + e.getMessage() + ")", LOG.isLoggable(Level.FINE) ? e : null);
        }
    }
}
