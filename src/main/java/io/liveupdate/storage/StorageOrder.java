package io.liveupdate.storage;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.persistence.ChangeLog;
import io.liveupdate.stream.DeliveredMarks;
import io.liveupdate.stream.StreamOrder;
import io.liveupdate.stream.StreamPositions;
import io.liveupdate.stream.StreamSkipped;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The storages' ordering point on this node ({@link StreamOrder}): every stored operation reaches the storage's
 * subscribers here, once, in the storage's log order, whether this node stored it ({@link StorageExtension}) or
 * another node did (a doorbell or the periodic check, {@link StreamPositions}). So a page on any node sees every
 * operation, and this node's #6 cannot overtake another node's #5. What this node can no longer deliver (no longer in
 * the log) becomes the reload signal ({@link StreamSkipped}), after which the storage's items are sent again
 * ({@code live.StorageNumbering#afterReload}).
 */
@ApplicationScoped
public class StorageOrder implements DeliveredMarks {

    private static final Logger LOG = Logger.getLogger(StorageOrder.class.getName());

    @Inject
    ChangeLog log;

    @Inject
    BayeuxServer bayeux;

    @Inject
    Event<StreamSkipped> skipped;

    private StreamOrder<StorageChange> order;

    @PostConstruct
    void create() {
        order = new StreamOrder<>(this::read, StorageChange::seq, StorageChange::epoch, this::deliver, this::skipped, (stream, epoch, delivered) -> log.renewIfBehind(stream, epoch, delivered));
    }

    /**
     * At start, before any client can publish: what the storages already have is not delivered again. If the
     * database is down now, the first check of the doorbell listener takes the baseline instead.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        try {
            var now = StreamPositions.of(log.heads());
            order.baseline(storagesOf(now.lastSeqs()), now.epochs());
        } catch (RuntimeException e) {
            LOG.warning("Cannot read the storages' last change numbers at start (" + e.getMessage() + "); taken at the first check");
        }
    }

    /**
     * An operation this node stored (committed): delivered after whatever of its storage this node has not
     * delivered yet. When the log cannot be read to fill that gap, the next check delivers it, in order.
     */
    void committed(StorageChange change) {
        try {
            order.committed(change.stream(), change);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Cannot read the change log to deliver operation #" + change.seq() + " of " + change.stream()
                    + " in order (" + e.getMessage() + "); the next check delivers it");
        }
    }

    void advanced(@Observes StreamPositions positions) {
        var storages = storagesOf(positions.lastSeqs());
        if (positions.reconcile()) order.reconcile(storages, positions.epochs());
        else storages.forEach((stream, seq) -> order.advanced(stream, seq, positions.epochs().get(stream)));
    }

    /** For the listener's lag: the storages' marks; -1 for a stream that is not a storage's. */
    @Override
    public long delivered(String stream) {
        return isStorage(stream) ? order.delivered(stream) : -1;
    }

    private List<StorageChange> read(String stream, long seq, int limit) {
        return log.after(stream, seq, limit).stream().map(StorageChange::of).toList();
    }

    private void deliver(StorageChange change) {
        try {
            bayeux.deliverPublish(change.publish());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivering operation #" + change.seq() + " of " + change.stream() + " failed", e);
        }
    }

    /** Operations this node can no longer deliver, or a new epoch: the live layer tells the storage's pages to reload. */
    private void skipped(String stream, long lastMissing, String epoch) {
        try {
            skipped.fire(new StreamSkipped(stream, lastMissing, epoch));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Telling the pages of " + stream + " to reload failed", e);
        }
    }

    private static boolean isStorage(String stream) {
        return StorageStreams.isStorage(stream);
    }

    private static Map<String, Long> storagesOf(Map<String, Long> streams) {
        var storages = new HashMap<String, Long>();
        streams.forEach((stream, seq) -> {
            if (isStorage(stream)) storages.put(stream, seq);
        });
        return storages;
    }
}
