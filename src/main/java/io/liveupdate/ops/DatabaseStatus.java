package io.liveupdate.ops;

/**
 * What one look at the database found.
 *
 * @param up whether a {@code SELECT 1} answered in time
 * @param millis how long the look took
 * @param problem why it is down (for the log, not for callers); null when up
 */
public record DatabaseStatus(boolean up, long millis, String problem) {
}
