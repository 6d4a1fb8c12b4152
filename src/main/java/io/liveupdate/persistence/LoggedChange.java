package io.liveupdate.persistence;

import jakarta.json.JsonObject;

/**
 * One change as the change log keeps it.
 *
 * @param stream what it belongs to: a calendar, a storage channel
 * @param seq its number in the stream, from 1, in commit order with no gaps
 * @param payload what the publisher needs to send it again
 * @param epoch the stream's epoch the number belongs to (see {@link StreamHead}); null when not known
 */
public record LoggedChange(String stream, long seq, JsonObject payload, String epoch) {

    public LoggedChange(String stream, long seq, JsonObject payload) {
        this(stream, seq, payload, null);
    }
}
