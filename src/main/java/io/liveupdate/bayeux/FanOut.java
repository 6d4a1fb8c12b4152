package io.liveupdate.bayeux;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Hands one frozen message to every session subscribed to its channel, each once. */
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
        var recipients = channels.recipients(channel);
        if (!settings.broadcastToPublisher()) publisher.ifPresent(recipients::remove);
        int delivered = 0;
        for (ServerSession session : recipients) {
            try {
                if (session.enqueue(message)) delivered++;
            } catch (RuntimeException e) {
                // One broken outbox must not cost the other subscribers their message.
                LOG.log(Level.WARNING, "delivery on " + channel + " to " + session + " failed", e);
            }
        }
        metrics.get().delivered(delivered);
        return delivered;
    }
}
