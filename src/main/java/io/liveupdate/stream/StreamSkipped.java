package io.liveupdate.stream;

/**
 * A CDI event: this node's ordering point found that the stream's changes up to {@code lastMissing} are no longer
 * in the log though it had not delivered them (it fell behind what the log keeps, e.g. its database was away for
 * longer than the log's age limit). Live clients of the stream must reload, then carry on after {@code lastMissing};
 * the change after it follows this event.
 */
public record StreamSkipped(String stream, long lastMissing) {
}
