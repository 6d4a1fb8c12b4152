package io.liveupdate.cluster;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.persistence.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Sends this node's messages to the other nodes when the database is one they can share (PostgreSQL); on the
 * embedded H2 of the demo start the node is alone, and nothing is sent. Receiving needs no setup: the listener of
 * {@code stream.ChangeFeed}, which runs on PostgreSQL only, finds {@link ClusterInbox}.
 */
@ApplicationScoped
public class ClusterSetup {

    private static final Logger LOG = Logger.getLogger(ClusterSetup.class.getName());

    @Inject
    BayeuxServer bayeux;

    @Inject
    ChangeLog log;

    @Inject
    ClusterOutbox outbox;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        boolean shared;
        try {
            shared = log.isShared();
        } catch (RuntimeException e) {
            // As the doorbell listener decides: a database down at start is PostgreSQL, the only one nodes share.
            shared = true;
        }
        if (!shared) {
            LOG.info("Embedded database: single node, messages stay on it");
            return;
        }
        outbox.enable();
        bayeux.addPublishListener(outbox);
    }
}
