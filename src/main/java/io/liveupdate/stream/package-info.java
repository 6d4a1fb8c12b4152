/**
 * The stream of committed changes across nodes: the doorbell listener ({@link io.liveupdate.stream.ChangeFeed}) and
 * the ordering point ({@link io.liveupdate.stream.StreamOrder}) each domain keeps per stream, over the change log of
 * {@code persistence}. Knows nothing of protocols, HTTP or sessions.
 */
package io.liveupdate.stream;
