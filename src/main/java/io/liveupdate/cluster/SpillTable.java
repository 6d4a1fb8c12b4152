package io.liveupdate.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code cluster_message} (migration V5): the messages too large for a notification, each read by id once the
 * notification naming it arrives. UNLOGGED (a crash may empty it: a message is worth nothing after a restart) and
 * trimmed of rows older than {@value #KEEP_SECONDS} s, by which time every listening node has read its copy.
 */
@ApplicationScoped
public class SpillTable {

    static final int KEEP_SECONDS = 60;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** @return the new row's id, committed (the connection is in autocommit) before the notification naming it */
    long insert(Connection connection, String deliveryJson) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cluster_message (payload) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, deliveryJson);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("no id for the spilled message");
                return keys.getLong(1);
            }
        }
    }

    /** Deletes the rows older than {@value #KEEP_SECONDS} s. */
    void trim(Connection connection) throws SQLException {
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM cluster_message WHERE created_at < now() - interval '" + KEEP_SECONDS + " seconds'");
        }
    }

    /** The spilled delivery, empty when the row is gone (trimmed: this node read it too late). */
    Optional<String> read(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT payload FROM cluster_message WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
