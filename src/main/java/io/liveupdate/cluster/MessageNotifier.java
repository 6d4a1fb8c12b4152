package io.liveupdate.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * NOTIFYs messages on {@link ClusterPayload#CHANNEL}, one after the other on one pooled connection in autocommit: each
 * notification is its own short transaction, so they reach the other nodes in this order, and none waits for
 * anything else to commit. A message too large for a notification is spilled first ({@link SpillTable}).
 */
@ApplicationScoped
public class MessageNotifier {

    /** Trimming the spill table runs at most this often, on a spill. */
    private static final long TRIM_EVERY_NANOS = 10_000_000_000L;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    SpillTable spill;

    @Inject
    ThisNode node;

    private volatile long lastTrim = System.nanoTime();

    /**
     * @param deliveries the messages as subscribers get them, as JSON text
     * @throws SQLException when the database fails; the message it failed on and those after it are not sent
     */
    void send(List<String> deliveries) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            connection.setAutoCommit(true);
            notify.setString(1, ClusterPayload.CHANNEL);
            for (String delivery : deliveries) {
                notify.setString(2, payloadOf(connection, delivery));
                notify.execute();
            }
        }
    }

    private String payloadOf(Connection connection, String delivery) throws SQLException {
        String inline = ClusterPayload.inline(node.id(), delivery);
        if (ClusterPayload.fits(inline)) return inline;
        long id = spill.insert(connection, delivery);
        if (System.nanoTime() - lastTrim > TRIM_EVERY_NANOS) {
            lastTrim = System.nanoTime();
            spill.trim(connection);
        }
        return ClusterPayload.spilled(node.id(), id);
    }
}
