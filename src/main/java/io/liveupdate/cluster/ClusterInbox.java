package io.liveupdate.cluster;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.input.LogSafe;
import io.liveupdate.stream.ListenedChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Hears the other nodes' messages ({@link ClusterPayload}) on the node's listener connection and hands each to this
 * node's subscribers as the origin's subscribers got it ({@link io.liveupdate.bayeux.BayeuxServer#deliverPublish}):
 * a server-side delivery, not a client publish, so it is never sent on again. This node's own messages come back too and are skipped: its subscribers had them when they were
 * published. A notice that cannot be read, or a spilled row already trimmed, is logged and dropped.
 */
@ApplicationScoped
public class ClusterInbox implements ListenedChannel {

    private static final Logger LOG = Logger.getLogger(ClusterInbox.class.getName());

    @Inject
    BayeuxServer bayeux;

    @Inject
    ThisNode node;

    @Inject
    SpillTable spill;

    @Override
    public String name() {
        return ClusterPayload.CHANNEL;
    }

    @Override
    public void heard(String payload) {
        try {
            var notice = ClusterPayload.parse(payload);
            if (node.id().equals(notice.node())) return;
            messageOf(notice).ifPresent(message -> bayeux.deliverPublish(message.delivery()));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Ignored a message from another node (" + LogSafe.text(e.getMessage()) + "): " + LogSafe.quoted(payload));
        } catch (SQLException e) {
            LOG.warning(() -> "A large message from another node could not be read: " + e.getMessage());
        }
    }

    private Optional<ClusterMessage> messageOf(ClusterPayload.Notice notice) throws SQLException {
        if (!notice.isSpilled()) return Optional.of(ClusterMessage.of(notice.message()));
        Optional<String> spilled = spill.read(notice.spilled());
        if (spilled.isEmpty()) LOG.warning(() -> "A large message from another node was gone (row " + notice.spilled() + " trimmed)");
        return spilled.map(ClusterMessage::parse);
    }
}
