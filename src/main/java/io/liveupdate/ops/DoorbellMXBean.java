package io.liveupdate.ops;

/**
 * The doorbell listener, as the console shows it: {@code io.liveupdate:type=Doorbell,app=<context>}.
 */
public interface DoorbellMXBean {

    /** {@code connected}, {@code connecting}, {@code reconnecting}, or {@code not used} (embedded database, single node). */
    String getState();

    /** When it entered that state (ISO-8601, UTC). */
    String getStateSince();

    /** Whether {@code /api/health} counts it as up. */
    boolean isUp();

    /** Changes this node's marks were behind {@code change_stream.last_seq} after the last check (0 normally). */
    long getLagChanges();

    /** Milliseconds since the last successful check against the database, -1 before the first. */
    long getMillisSinceLastCheck();
}
