package io.liveupdate.storage;

import io.liveupdate.persistence.LoggedChange;
import jakarta.json.JsonObject;

/**
 * One stored operation on its way to the storage's subscribers on this node, whichever node stored it.
 *
 * @param channel the storage channel
 * @param seq its number in the storage's stream
 * @param publish the publish as the Bayeux core hands it out ({@code BayeuxServer.deliverPublish}): channel, data,
 *        the publisher's message id, the number as the delivery's {@code ext}, and, when this node stored it, the
 *        publisher's {@code clientId}
 * @param epoch the storage's epoch {@code seq} counts in; null when not known
 */
record StorageChange(String channel, long seq, JsonObject publish, String epoch) {

    /** A change read from the log, stored by this node or another. */
    static StorageChange of(LoggedChange logged) {
        String channel = StorageStreams.channelOf(logged.stream());
        return new StorageChange(channel, logged.seq(), LoggedPublish.publishOf(channel, logged.seq(), logged.epoch(), logged.payload()), logged.epoch());
    }

    String stream() {
        return StorageStreams.of(channel);
    }
}
