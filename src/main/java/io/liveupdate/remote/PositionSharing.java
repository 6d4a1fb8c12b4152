package io.liveupdate.remote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Shares where RemoteEvents pages stand with the other nodes, through {@link SharedPositions}. Writes a connection's
 * position when it ends, at once, and periodically ({@link RemoteSettings#positionWriteInterval()}, 2 s) the position
 * of each open connection that moved since it was last written, so after a crash the stored position is at most
 * that old. Every write runs on the executor,
 * one at a time (one pooled connection per node), never on a WebSocket I/O thread or in a save's transaction. While
 * the database fails, the ended connections' positions wait here (at most {@value #MAX_WAITING}) and the failure is
 * logged once (reads and writes each); live delivery does not depend on any of it.
 */
final class PositionSharing {

    private static final Logger LOG = Logger.getLogger(PositionSharing.class.getName());

    /** Ended connections' positions kept while the database cannot take them; beyond, those pages fall back to their keys. */
    static final int MAX_WAITING = 100_000;
    /** Trimming runs on every this many writes (about once a minute at one write per interval). */
    private static final int TRIM_EVERY = 30;

    private final SharedPositions store;
    private final Executor executor;
    private final Supplier<Collection<RemoteConnection>> open;
    private final OutageLog writeOutage = new OutageLog(LOG, "Storing RemoteEvents positions");
    private final OutageLog readOutage = new OutageLog(LOG, "Reading stored RemoteEvents positions");
    private final ConcurrentHashMap<PageAtCalendar, Long> ended = new ConcurrentHashMap<>();
    private final AtomicBoolean writeQueued = new AtomicBoolean();
    private int writes;

    PositionSharing(SharedPositions store, Executor executor, Supplier<Collection<RemoteConnection>> open) {
        this.store = store;
        this.executor = executor;
        this.open = open;
    }

    /** A keyed connection ended: its position is written at once (on the executor), for a reconnect to any node. */
    void ended(RemoteConnection connection) {
        long position = connection.writtenUpTo();
        if (connection.page() == null || position < 0) return;
        if (ended.size() >= MAX_WAITING && !ended.containsKey(connection.page())) {
            LOG.fine(() -> "Not keeping the position of " + connection.page() + ": " + MAX_WAITING + " are waiting for the database");
            return;
        }
        ended.merge(connection.page(), position, Math::max);
        requestWrite();
    }

    /** Queues a write unless one is queued already (a write that runs later takes everything up to then). */
    void requestWrite() {
        if (!writeQueued.compareAndSet(false, true)) return;
        try {
            executor.execute(() -> {
                writeQueued.set(false);
                write();
            });
        } catch (RejectedExecutionException e) { // shutting down: the final write() of the registry's stop takes it
            writeQueued.set(false);
        }
    }

    /** Writes the ended connections' positions and those of open connections that moved; one batch, one at a time. */
    synchronized void write() {
        var batch = new TreeMap<PageAtCalendar, Long>();
        for (PageAtCalendar page : ended.keySet()) {
            Long position = ended.remove(page);
            if (position != null) batch.merge(page, position, Math::max);
        }
        var moved = new ArrayList<Moved>();
        for (RemoteConnection connection : open.get()) {
            long position = connection.unstoredPosition();
            if (position < 0) continue;
            batch.merge(connection.page(), position, Math::max);
            moved.add(new Moved(connection, position));
        }
        boolean trimming = ++writes % TRIM_EVERY == 0;
        if (batch.isEmpty() && !trimming) return;
        try {
            store.store(batch);
            if (trimming) store.trim();
            writeOutage.succeeded();
            for (Moved m : moved) m.connection().stored(m.position());
        } catch (RuntimeException e) {
            writeOutage.failed("pages that move to another node are caught up from their keys' positions", e);
            // Open connections are asked again next time; ended ones only live here.
            for (Moved m : moved) batch.remove(m.connection().page());
            batch.forEach((page, position) -> ended.merge(page, position, Math::max));
        }
    }

    /** Where a page stands as stored, for a subscribe; empty when it is not stored or the database cannot say. */
    OptionalLong recall(PageAtCalendar page) {
        try {
            var stored = store.recall(page);
            readOutage.succeeded();
            return stored;
        } catch (RuntimeException e) {
            readOutage.failed("pages are caught up from what this node remembers or their keys' positions", e);
            return OptionalLong.empty();
        }
    }

    private record Moved(RemoteConnection connection, long position) {
    }
}
