package io.liveupdate.stream;

import io.liveupdate.persistence.StreamHead;
import java.util.HashMap;
import java.util.Map;

/**
 * A CDI event: streams have changes up to these numbers, committed on any node. Fired by {@link ChangeFeed} for each
 * doorbell (one stream) and for each periodic comparison with the database (every stream); each domain's ordering
 * point ({@link StreamOrder}) delivers what it has not delivered yet.
 *
 * @param lastSeqs the highest known number per stream
 * @param reconcile whether this is the database's full list (a mark of a stream missing from it stays as it is)
 * @param epochs the epoch each number belongs to; a stream missing here: not known (a doorbell of a node from before
 *        epochs, a row no change has given one yet)
 */
public record StreamPositions(Map<String, Long> lastSeqs, boolean reconcile, Map<String, String> epochs) {

    public StreamPositions(Map<String, Long> lastSeqs, boolean reconcile) {
        this(lastSeqs, reconcile, Map.of());
    }

    /** The database's full list, as {@code ChangeLog.heads} read it. */
    public static StreamPositions of(Map<String, StreamHead> heads) {
        var lastSeqs = new HashMap<String, Long>();
        var epochs = new HashMap<String, String>();
        heads.forEach((stream, head) -> {
            lastSeqs.put(stream, head.lastSeq());
            if (head.epoch() != null) epochs.put(stream, head.epoch());
        });
        return new StreamPositions(lastSeqs, true, epochs);
    }
}
