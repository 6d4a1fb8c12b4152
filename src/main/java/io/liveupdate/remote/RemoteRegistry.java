package io.liveupdate.remote;

import io.liveupdate.calendar.EventChanged;
import io.liveupdate.fanout.WriterBatch;
import io.liveupdate.gantt.GanttChanged;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open RemoteEvents connections and who follows which calendar ({@code events}) or chart ({@code tasks} and
 * {@code links}); fans each committed change out to those subscribers, and pings every connection on the server's
 * scheduler.
 */
@ApplicationScoped
public class RemoteRegistry implements RemoteFigures {

    private static final Logger LOG = Logger.getLogger(RemoteRegistry.class.getName());

    @Inject
    RemoteSettings settings;
    @Inject
    RemoteCatchUp catchUp;
    @Inject
    SharedPositions shared;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Resource
    ManagedExecutorService executor;

    /** Where connections given up on the fan-out path are closed, so a close never delays the others. */
    Executor closer;
    private final ConcurrentHashMap<String, RemoteConnection> connections = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RemoteTarget, Set<RemoteConnection>> subscribers = new ConcurrentHashMap<>();
    /** This node's memory of where pages stood: the front of {@link #sharing}, and what is left while the database is down. */
    private final RemotePositions positions = new RemotePositions();
    /** Where pages stand, for every node: the truth when a page's connections move between nodes. */
    PositionSharing sharing;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> positionWrites;

    @PostConstruct
    void start() {
        closer = executor;
        shareThrough(shared, executor);
        long seconds = settings.pingInterval().toSeconds();
        heartbeat = scheduler.scheduleAtFixedRate(this::heartbeat, seconds, seconds, TimeUnit.SECONDS);
        long interval = settings.positionWriteInterval().toMillis();
        positionWrites = scheduler.scheduleWithFixedDelay(sharing::requestWrite, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Where pages' positions are shared with the other nodes, and the executor that writes them. */
    void shareThrough(SharedPositions store, Executor writer) {
        sharing = new PositionSharing(store, writer, connections::values);
    }

    /**
     * Undeploy or shutdown: every connection is closed "going away", which the 7.2 client answers by connecting
     * again two seconds later, to the server or redeployed application that is there by then.
     */
    @PreDestroy
    void stop() {
        if (heartbeat != null) heartbeat.cancel(false);
        if (positionWrites != null) positionWrites.cancel(false);
        for (RemoteConnection connection : connections.values()) {
            closed(connection);
            connection.close(RemotePeer.GOING_AWAY, "server restarting");
        }
        // Here, not on the executor, which may be shutting down: where the pages stood, for whichever node they reach.
        if (sharing != null) sharing.write();
    }

    /**
     * Registers a new connection and queues its {@code start} frame, before anything else can be.
     *
     * @param pageKey the handshake key it came with, which the page keeps for its reconnects; null for a token
     * @param keyPosition where the calendar stood at that handshake, if the key says
     */
    RemoteConnection open(RemotePeer peer, RemoteTarget target, String pageKey, OptionalLong keyPosition) {
        var connection = new RemoteConnection(UUID.randomUUID().toString(), target, pageKey, keyPosition, peer,
                settings.maxQueuedMessages(), this::giveUp);
        connections.put(connection.id(), connection);
        connection.send(RemotePayload.start(connection.id()));
        return connection;
    }

    /** As {@link #open(RemotePeer, RemoteTarget, String, OptionalLong)}, for a calendar. */
    RemoteConnection open(RemotePeer peer, String calendar, String pageKey, OptionalLong keyPosition) {
        return open(peer, RemoteTarget.calendar(calendar), pageKey, keyPosition);
    }

    /**
     * Forgets a connection (closed by either side), remembering where its page stood, here and (written on the
     * executor) for every node; idempotent.
     */
    void closed(RemoteConnection connection) {
        connections.remove(connection.id());
        unsubscribe(connection);
        long written = connection.writtenUpTo();
        if (connection.pageKey() != null && written >= 0) {
            positions.remember(connection.pageKey(), connection.target(), written);
            sharing.ended(connection);
        }
    }

    /** Adds the connection to its calendar's or chart's subscribers, then sends it what its page missed ({@link RemoteCatchUp}). */
    void subscribe(RemoteConnection connection) {
        connection.holdLive();
        // compute, not computeIfAbsent().add(): an add racing with the removal of an emptied set would be lost
        subscribers.compute(connection.target(), (c, set) -> {
            var live = set == null ? ConcurrentHashMap.<RemoteConnection>newKeySet() : set;
            live.add(connection);
            return live;
        });
        // Subscribed on this connection before (and unsubscribed since, or subscribing twice): from now on, as asked.
        catchUp.catchUp(connection, connection.upTo() >= 0 ? OptionalLong.empty() : positionOf(connection));
    }

    /**
     * Where the connection's page stands: the furthest of how far another connection of the page here got (the old
     * one of a reconnect, not yet seen closed), where its last connection here ended, where any node last stored it
     * ({@link PositionSharing}: its connections may have been on other nodes since), and where its calendar stood
     * at its handshake. A page only ever gains changes, so the furthest is the truest; empty when none says.
     */
    private OptionalLong positionOf(RemoteConnection connection) {
        String page = connection.pageKey();
        if (page == null) return OptionalLong.empty();
        long furthest = connection.keyPosition().orElse(-1);
        for (RemoteConnection other : connections.values()) {
            if (other != connection && page.equals(other.pageKey()) && other.target().equals(connection.target())) {
                furthest = Math.max(furthest, other.writtenUpTo());
            }
        }
        furthest = Math.max(furthest, positions.recall(page, connection.target()).orElse(-1));
        furthest = Math.max(furthest, sharing.recall(connection.page()).orElse(-1));
        return furthest < 0 ? OptionalLong.empty() : OptionalLong.of(furthest);
    }

    void unsubscribe(RemoteConnection connection) {
        subscribers.computeIfPresent(connection.target(), (c, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public int connectionCount() {
        return connections.size();
    }

    /**
     * After every commit: one serialisation, then a non-blocking offer to each subscriber of the calendar, the
     * writes started as one batch (a task per I/O thread).
     */
    void onChange(@Observes EventChanged change) {
        fanOut(RemoteTarget.calendar(change.event().calendar()), change.seq(), () -> RemotePayload.event(change));
    }

    /** As {@link #onChange}, for a chart's task or link, on every node in the chart's log order ({@code gantt.GanttOrder}). */
    void onGanttChange(@Observes GanttChanged change) {
        fanOut(RemoteTarget.gantt(change.gantt()), change.seq(), () -> RemotePayload.ganttChange(change.message()));
    }

    private void fanOut(RemoteTarget followed, long seq, Supplier<String> text) {
        Set<RemoteConnection> targets = subscribers.get(followed);
        if (targets == null || targets.isEmpty()) return;
        String message = text.get();
        var writes = new WriterBatch();
        for (RemoteConnection target : targets) {
            try {
                target.sendChange(seq, message, writes);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not queue a change for " + target, e);
            }
        }
        writes.run();
    }

    /** Pings every connection; one that has not answered the previous ping is closed. */
    void heartbeat() {
        for (RemoteConnection connection : connections.values()) {
            try {
                if (!connection.heartbeat()) {
                    long seconds = settings.pingInterval().toSeconds();
                    LOG.info(() -> "Closing " + connection + ": no pong within " + seconds + " s");
                    closed(connection);
                    connection.close(RemotePeer.GOING_AWAY, "no pong within " + seconds + " s");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Heartbeat of " + connection + " failed", e);
            }
        }
    }


    private void giveUp(RemoteConnection connection, String reason) {
        LOG.info(() -> "Closing " + connection + ": " + reason);
        closed(connection);
        try {
            closer.execute(() -> connection.close(RemotePeer.TRY_AGAIN_LATER, reason));
        } catch (RuntimeException e) { // the executor is shutting down
            connection.close(RemotePeer.TRY_AGAIN_LATER, reason);
        }
    }
}
