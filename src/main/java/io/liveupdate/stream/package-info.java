/**
 * The stream of committed changes across nodes: the doorbell listener ({@link io.liveupdate.stream.ChangeFeed}),
 * the ordering point ({@link io.liveupdate.stream.StreamOrder}) each domain keeps per stream, and the catch-up
 * decision every protocol follows ({@link io.liveupdate.stream.CatchUp}), over the change log of {@code persistence}.
 * Knows nothing of protocols, HTTP or sessions.
 */
package io.liveupdate.stream;
