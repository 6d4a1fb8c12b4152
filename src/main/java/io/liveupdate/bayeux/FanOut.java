package io.liveupdate.bayeux;

import io.liveupdate.fanout.WriterBatch;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands one frozen message to every session subscribed to its channel, each once. The message is queued in every
 * session on the calling thread (so each sees publishes in the order they were made); the sockets are then woken
 * as one {@link WriterBatch}: a task per I/O thread, not one per socket.
 */
final class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class.getName());

    private final ChannelRegistry channels;
    private final BayeuxSettings settings;
    private final Supplier<BayeuxMetrics> metrics;

    FanOut(ChannelRegistry channels, BayeuxSettings settings, Supplier<BayeuxMetrics> metrics) {
        this.channels = channels;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** @return how many sessions took the message */
    int deliver(FrozenMessage message, ChannelId channel, Optional<ServerSession> publisher) {
        ServerSession skipped = settings.broadcastToPublisher() ? null : publisher.orElse(null);
        var writes = new WriterBatch();
        Wakes wakes = (outbox, session) -> writes.add(outbox.writer(), () -> outbox.wake(session));
        int delivered = 0;
        for (ServerSession session : channels.recipients(channel)) {
            if (session == skipped) continue;
            try {
                if (session.enqueue(message, wakes)) delivered++;
            } catch (RuntimeException e) {
                // One broken session must not cost the other subscribers their message.
                LOG.log(Level.WARNING, "delivery on " + channel + " to " + session + " failed", e);
            }
        }
        writes.run();
        metrics.get().delivered(delivered);
        return delivered;
    }
}
