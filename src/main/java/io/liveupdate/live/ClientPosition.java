package io.liveupdate.live;

import io.liveupdate.wire.CatchUpExt;

/**
 * Where a client says it stands on a numbered channel ({@link CatchUpExt}): the number of the last change it has,
 * -1 when it has none yet, and the epoch of that number, null when it sent none (a client from before epochs).
 */
record ClientPosition(long lastSeq, String epoch) {
}
