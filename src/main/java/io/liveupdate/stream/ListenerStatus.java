package io.liveupdate.stream;

import java.time.Duration;
import java.time.Instant;

/**
 * One look at the doorbell listener, for health checks and the console.
 *
 * @param mode what it is doing
 * @param since when it entered that mode (for {@code RECONNECTING}: when the trouble began)
 * @param lastCheck when it last compared this node's marks with the database successfully; null before the first
 * @param lag changes the node's marks were behind {@code change_stream.last_seq} after that comparison
 * @param problem why it is not connected (for the log, not for callers); null when connected
 */
public record ListenerStatus(Mode mode, Instant since, Instant lastCheck, long lag, String problem) {

    public enum Mode {
        /** The embedded database of a single node: no doorbell to listen for. */
        NOT_USED,
        /** Starting, not connected yet. */
        CONNECTING,
        CONNECTED,
        /** Lost its connection and has not got a working one back. */
        RECONNECTING
    }

    /**
     * Whether the node delivers other nodes' changes: not while it has been without a connection for longer than
     * {@code grace}, nor while connected but not checking (a stuck thread) for longer than the check interval plus
     * {@code grace}.
     */
    public boolean healthy(Instant now, Duration grace) {
        return switch (mode) {
            case NOT_USED -> true;
            case CONNECTED -> ListenerState.age(lastCheck, now).compareTo(grace.plusSeconds(ChangeFeed.CHECK_SECONDS)) <= 0;
            case CONNECTING, RECONNECTING -> ListenerState.age(since, now).compareTo(grace) <= 0;
        };
    }

    /** Milliseconds since the last successful check, or -1 before the first. */
    public long millisSinceCheck(Instant now) {
        return lastCheck == null ? -1 : ListenerState.age(lastCheck, now).toMillis();
    }
}
