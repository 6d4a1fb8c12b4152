package io.liveupdate.remote;

import io.liveupdate.stream.CatchUp;
import io.liveupdate.stream.CatchUpPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No missed change for RemoteEvents pages, with the unmodified 7.2 client (and Gantt's, the same client; a chart is
 * caught up from its stream as a calendar is, below). It reconnects (after a network loss, a
 * server restart, a close for being slow) with the same URL and key, subscribes again, and says nothing of what it
 * has. The key tells the page: the server remembers where the page's calendar stood when its connection ended
 * ({@link RemotePositions}), or, when it has forgotten (a restart), takes where it stood at the page's handshake
 * (signed into the key, {@link AccessKeys}), and sends the changes after that from the change log, in order, before
 * any live one; a live change that comes meanwhile is held back and sent after them, unless the replay had it.
 * Replaying from too early is harmless: the client skips an add of an event it has, and every update or delete sets
 * what was stored then, up to what is stored now. When the changes are no longer kept (or are more than half a
 * connection's queue), nothing can tell the 7.2 client to reload: that is logged, and the page shows what it had.
 * Connections opened with a configured token rather than a key cannot be told apart, so they get live changes only.
 *
 * <p>Which of these it is, {@link CatchUp} decides, as for every protocol (by number alone: the client knows no
 * epochs); this class says it on RemoteEvents' wire.
 */
@ApplicationScoped
public class RemoteCatchUp {

    private static final Logger LOG = Logger.getLogger(RemoteCatchUp.class.getName());

    @Inject
    CatchUp catchUp;
    @Inject
    RemoteSettings settings;

    /** Where the calendar or chart stands now, for a handshake's key; -1 when the database cannot say. */
    long positionNow(RemoteTarget target) {
        try {
            return catchUp.position(target.stream()).lastSeq();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read where " + target + " stands; this page will not be caught up after a restart", e);
            return AccessKeys.NO_POSITION;
        }
    }

    /**
     * A connection has just subscribed (its live changes held back): sends it the changes after {@code from}, or
     * nothing for a page seen for the first time, then lets the live ones through.
     */
    void catchUp(RemoteConnection connection, OptionalLong from) {
        long position = -1;
        try {
            String stream = connection.target().stream();
            position = from.isEmpty() ? catchUp.position(stream).lastSeq() : follow(connection, from.getAsLong(), plan(stream, from.getAsLong()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not catch " + connection + " up; it gets live changes only", e);
        } finally {
            connection.releaseLive(position);
        }
    }

    /** By number alone: the 7.2 client knows no epochs. */
    private CatchUpPlan plan(String stream, long from) {
        return catchUp.plan(stream, from, null, CatchUp.replayLimit(settings.maxQueuedMessages()));
    }

    /** @return where the page stands afterwards */
    private long follow(RemoteConnection connection, long from, CatchUpPlan plan) {
        if (plan instanceof CatchUpPlan.Replay missed) return replay(connection, missed);
        // A page ahead of the log (a key or stored position from before a restore) has nothing to be sent.
        if (plan instanceof CatchUpPlan.Reload reload && reload.reason() != CatchUpPlan.Reason.AHEAD) {
            LOG.warning(() -> connection + " missed changes " + (from + 1) + "-" + reload.seq() + " of " + connection.target()
                    + ", which are no longer kept or too many to send: the page shows what it had until it reloads");
        }
        return plan.seq();
    }

    private long replay(RemoteConnection connection, CatchUpPlan.Replay missed) {
        connection.replayFrom(missed.from());
        long sent = missed.from();
        for (var change : missed.changes()) {
            if (!connection.sendReplayed(change.seq(), connection.target().payload(change))) break;
            sent = change.seq();
        }
        long replayed = sent - missed.from();
        LOG.fine(() -> connection + " caught up: " + replayed + " changes sent again");
        return sent;
    }
}
