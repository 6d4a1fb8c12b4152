package io.liveupdate.stream;

import java.time.Duration;
import java.time.Instant;

/**
 * What the doorbell listener is doing, as {@link ChangeFeed} reports it: not used (the embedded H2, a single node),
 * connecting, connected, or reconnecting since the moment it lost its connection. A connection counts from its
 * first successful check on; failed attempts in a row keep the moment the trouble began, so a listener that
 * cannot get back in looks down for as long as it really is.
 */
public final class ListenerState {

    private ListenerStatus.Mode mode;
    private Instant since;
    private Instant lastCheck;
    private long lag;
    private String problem;

    public ListenerState(Instant created) {
        this.mode = ListenerStatus.Mode.CONNECTING;
        this.since = created;
    }

    /** The node has no doorbell (embedded database): alone, it misses nothing. */
    public synchronized void notUsed(Instant now) {
        mode = ListenerStatus.Mode.NOT_USED;
        since = now;
        problem = null;
    }

    /**
     * A check succeeded: the connection answered and the ordering points were compared with the database.
     *
     * @param lag how many changes the ordering points were still behind the database's last numbers afterwards
     */
    public synchronized void checked(Instant now, long lag) {
        if (mode != ListenerStatus.Mode.CONNECTED) {
            mode = ListenerStatus.Mode.CONNECTED;
            since = now;
            problem = null;
        }
        lastCheck = now;
        this.lag = lag;
    }

    /** The connection broke or could not be opened; the first failure of a run sets the moment. */
    public synchronized void lost(Instant now, String why) {
        if (mode == ListenerStatus.Mode.CONNECTED || mode == ListenerStatus.Mode.NOT_USED) {
            mode = ListenerStatus.Mode.RECONNECTING;
            since = now;
        }
        problem = why;
    }

    public synchronized ListenerStatus status() {
        return new ListenerStatus(mode, since, lastCheck, lag, problem);
    }

    /** How long ago something happened, never negative (clocks of different threads). */
    static Duration age(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
