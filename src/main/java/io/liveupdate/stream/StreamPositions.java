package io.liveupdate.stream;

import java.util.Map;

/**
 * A CDI event: streams have changes up to these numbers, committed on any node. Fired by {@link ChangeFeed} for each
 * doorbell (one stream) and for each periodic comparison with the database (every stream); each domain's ordering
 * point ({@link StreamOrder}) delivers what it has not delivered yet.
 *
 * @param lastSeqs the highest known number per stream
 * @param reconcile whether this is the database's full list (a mark of a stream missing from it stays as it is)
 */
public record StreamPositions(Map<String, Long> lastSeqs, boolean reconcile) {
}
