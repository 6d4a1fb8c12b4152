package io.liveupdate.stream;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The one connection a node listens for doorbells on: opened with the PostgreSQL driver itself, outside the
 * datasource's pool (a pool may validate, reset or hand out a LISTENing connection, which then stops hearing), in
 * autocommit, so it never sits in a transaction (a LISTENing session inside one stops PostgreSQL's notification
 * queue from being cleaned up, and a full queue fails every commit that notifies).
 *
 * <p>Not a CDI bean, and the only class that names the driver's API, which the embedded H2 start does not have.
 */
final class DoorbellConnection implements AutoCloseable {

    private final Connection connection;
    private final PGConnection listening;

    private DoorbellConnection(Connection connection) throws SQLException {
        this.connection = connection;
        this.listening = connection.unwrap(PGConnection.class);
    }

    /**
     * @param applicationName shown in {@code pg_stat_activity}, so an operator (or a test) can find this node's
     *        listener
     */
    static DoorbellConnection open(DatabaseAddress address, String applicationName) throws SQLException {
        var properties = new Properties();
        if (address.user() != null) properties.setProperty("user", address.user());
        if (address.password() != null) properties.setProperty("password", address.password());
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        Connection connection = new org.postgresql.Driver().connect(address.url(), properties);
        if (connection == null) throw new SQLException("not a PostgreSQL URL: " + address.url());
        connection.setAutoCommit(true);
        return new DoorbellConnection(connection);
    }

    void listen(String channel) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel);
        }
    }

    /** A notification as it arrived: on which channel, with what payload. */
    record Heard(String channel, String payload) {
    }

    /** The notifications that arrive within {@code timeoutMillis}, on any channel listened to, in commit order. */
    List<Heard> await(int timeoutMillis) throws SQLException {
        PGNotification[] notifications = listening.getNotifications(timeoutMillis);
        var heard = new ArrayList<Heard>();
        if (notifications != null) {
            for (PGNotification notification : notifications) heard.add(new Heard(notification.getName(), notification.getParameter()));
        }
        return heard;
    }

    /**
     * Whether the server still answers. A wait on a connection the database dropped without a word may never
     * return an error (pgjdbc#1144), so the listener asks this every few seconds.
     */
    boolean isValid() throws SQLException {
        return connection.isValid(5);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // it is being replaced or the node stops: nothing to do with a connection that cannot even close
        }
    }
}
