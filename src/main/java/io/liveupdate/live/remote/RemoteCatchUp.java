package io.liveupdate.live.remote;

import io.liveupdate.calendar.ChangeRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No missed change for RemoteEvents pages, with the unmodified 7.2 client. It reconnects (after a network loss, a
 * server restart, a close for being slow) with the same URL and key, subscribes again, and says nothing of what it
 * has. The key tells the page: the server remembers where the page's calendar stood when its connection ended
 * ({@link RemotePositions}), or, when it has forgotten (a restart), takes where it stood at the page's handshake
 * (signed into the key, {@link AccessKeys}), and sends the changes after that from the change log, in order, before
 * any live one; a live change that comes meanwhile is held back and sent after them, unless the replay had it.
 * Replaying from too early is harmless: the client skips an add of an event it has, and every update or delete sets
 * what was stored then, up to what is stored now. When the changes are no longer kept (or are more than half a
 * connection's queue), nothing can tell the 7.2 client to reload: that is logged, and the page shows what it had.
 * Connections opened with a configured token rather than a key cannot be told apart, so they get live changes only.
 */
@ApplicationScoped
public class RemoteCatchUp {

    private static final Logger LOG = Logger.getLogger(RemoteCatchUp.class.getName());

    @Inject
    ChangeRecords records;
    @Inject
    RemoteSettings settings;

    /** Where the calendar stands now, for a handshake's key; -1 when the database cannot say. */
    long positionNow(String calendar) {
        try {
            return records.lastSeq(calendar);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read where calendar " + calendar + " stands; this page will not be caught up after a restart", e);
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
            long last = records.lastSeq(connection.calendar());
            position = from.isEmpty() || from.getAsLong() >= last ? last : replay(connection, from.getAsLong(), last);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not catch " + connection + " up; it gets live changes only", e);
        } finally {
            connection.releaseLive(position);
        }
    }

    private long replay(RemoteConnection connection, long from, long last) {
        String calendar = connection.calendar();
        int limit = Math.max(1, settings.maxQueuedMessages() / 2);
        var firstKept = records.firstKept(calendar);
        if (firstKept.isEmpty() || firstKept.getAsLong() > from + 1 || last - from > limit) {
            LOG.warning(() -> connection + " missed changes " + (from + 1) + "-" + last + " of calendar " + calendar
                    + ", which are no longer kept or too many to send: the page shows what it had until it reloads");
            return last;
        }
        connection.replayFrom(from);
        long sent = from;
        for (var change : records.after(calendar, from, limit)) {
            if (!connection.sendReplayed(change.seq(), RemotePayload.event(change))) break;
            sent = change.seq();
        }
        long replayed = sent - from;
        LOG.fine(() -> connection + " caught up: " + replayed + " changes sent again");
        return sent;
    }
}
