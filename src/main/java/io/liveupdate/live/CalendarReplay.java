package io.liveupdate.live;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.calendar.ChangeRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.logging.Logger;

/**
 * Sends one session the changes of a calendar it missed, from the change log, in order, each as it was published,
 * then where that left it ({@code ext.position}). When they are no longer all kept, or are more than half its queue
 * could take, it sends the reload signal instead.
 *
 * <p>Live messages may reach the session before, between and after the replayed ones (it is already subscribed, so
 * nothing committed after the log is read can be missed); the client drops numbers it has and puts the rest in
 * order (js/live-catchup.js).
 */
@ApplicationScoped
public class CalendarReplay {

    private static final Logger LOG = Logger.getLogger(CalendarReplay.class.getName());

    @Inject
    ChangeRecords records;
    @Inject
    BayeuxServer bayeux;

    /** The calendar's last number, for a client that has seen no change yet. */
    public void tellPosition(ServerSession session, String channel, String calendar) {
        session.deliver(channel, JsonValue.EMPTY_JSON_OBJECT, CatchUpExt.position(records.lastSeq(calendar)));
    }

    public void replay(ServerSession session, String channel, String calendar, long lastSeq) {
        long last = records.lastSeq(calendar);
        if (lastSeq == last) {
            session.deliver(channel, JsonValue.EMPTY_JSON_OBJECT, CatchUpExt.position(last));
            return;
        }
        int limit = Math.max(1, bayeux.settings().maxQueue() / 2);
        var firstKept = records.firstKept(calendar);
        boolean trimmed = firstKept.isEmpty() || firstKept.getAsLong() > lastSeq + 1;
        if (lastSeq > last || trimmed || last - lastSeq > limit) {
            LOG.fine(() -> session + " missed changes " + lastSeq + "-" + last + " of " + calendar + ": told to reload");
            session.deliver(channel, JsonValue.EMPTY_JSON_OBJECT, CatchUpExt.reload(last));
            return;
        }
        long replayed = lastSeq;
        for (var change : records.after(calendar, lastSeq, limit)) {
            if (!session.deliver(channel, LegacyUpdatePayload.of(change), CatchUpExt.seq(change.seq()))) return;
            replayed = change.seq();
        }
        // The end of the answer: a client that asked and does not get it (it went into a socket that was dying)
        // asks again.
        session.deliver(channel, JsonValue.EMPTY_JSON_OBJECT, CatchUpExt.position(replayed));
    }
}
