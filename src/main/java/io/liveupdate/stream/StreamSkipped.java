package io.liveupdate.stream;

/**
 * A CDI event: this node's ordering point found that the stream's changes up to {@code lastMissing} are no longer
 * in the log though it had not delivered them (it fell behind what the log keeps, e.g. its database was away for
 * longer than the log's age limit), or that the stream's numbers are of another epoch than the ones it delivered
 * (the database was reset or restored). Live clients of the stream must reload, then carry on after
 * {@code lastMissing}, in {@code epoch}; the change after it follows this event.
 *
 * @param epoch the epoch of {@code lastMissing} and what follows; null when not known
 */
public record StreamSkipped(String stream, long lastMissing, String epoch) {

    public StreamSkipped(String stream, long lastMissing) {
        this(stream, lastMissing, null);
    }
}
