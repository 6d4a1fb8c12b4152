package io.liveupdate.remote;

import io.liveupdate.persistence.ChangeLogSettings;
import io.liveupdate.persistence.DatabaseProduct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import javax.sql.DataSource;

/**
 * Where RemoteEvents pages stand, in the database ({@code remote_position}), for every node: a page whose connection
 * lands on another node is caught up from here. A stored position only grows (a page never un-receives a change),
 * so writes from two nodes about one page cannot set it back. Plain JDBC, in autocommit, outside any save's
 * transaction; every failure is an {@link IllegalStateException}, which the callers outlive.
 */
@ApplicationScoped
public class SharedPositions {

    private static final String UPSERT_POSTGRES = "INSERT INTO remote_position (page, calendar, position, updated_at) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (page, calendar) DO UPDATE SET position = GREATEST(remote_position.position, EXCLUDED.position), "
            + "updated_at = EXCLUDED.updated_at";
    /** MariaDB: the same upsert in its words (it has no ON CONFLICT and no MERGE). */
    private static final String UPSERT_MARIADB = "INSERT INTO remote_position (page, calendar, position, updated_at) VALUES (?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE position = GREATEST(position, VALUES(position)), updated_at = VALUES(updated_at)";
    /** The embedded H2 of the demo start has no ON CONFLICT; it is a single node, so MERGE's races do not matter there. */
    private static final String UPSERT_STANDARD = "MERGE INTO remote_position t USING (VALUES (CAST(? AS VARCHAR(64)), "
            + "CAST(? AS VARCHAR(64)), CAST(? AS BIGINT), CAST(? AS TIMESTAMP))) AS s (page, calendar, position, updated_at) "
            + "ON t.page = s.page AND t.calendar = s.calendar "
            + "WHEN MATCHED THEN UPDATE SET position = GREATEST(t.position, s.position), updated_at = s.updated_at "
            + "WHEN NOT MATCHED THEN INSERT (page, calendar, position, updated_at) VALUES (s.page, s.calendar, s.position, s.updated_at)";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    ChangeLogSettings changeLog;

    /** Where the page stood when a node last stored it; empty when no node has (or it was trimmed). */
    OptionalLong recall(PageAtCalendar page) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT position FROM remote_position WHERE page = ? AND calendar = ?")) {
            select.setString(1, page.page());
            select.setString(2, page.calendar());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read where " + page + " stands: " + e.getMessage(), e);
        }
    }

    /** Stores the positions in one batch, in key order; a position below the stored one leaves that one. */
    void store(SortedMap<PageAtCalendar, Long> positions) {
        if (positions.isEmpty()) return;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement upsert = connection.prepareStatement(upsertFor(connection.getMetaData().getDatabaseProductName()))) {
                Timestamp now = Timestamp.valueOf(LocalDateTime.now());
                for (Map.Entry<PageAtCalendar, Long> position : positions.entrySet()) {
                    upsert.setString(1, position.getKey().page());
                    upsert.setString(2, position.getKey().calendar());
                    upsert.setLong(3, position.getValue());
                    upsert.setTimestamp(4, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store where " + positions.size() + " RemoteEvents pages stand: " + e.getMessage(), e);
        }
    }

    private static String upsertFor(String product) {
        if (DatabaseProduct.isPostgres(product)) return UPSERT_POSTGRES;
        return DatabaseProduct.isMariaDb(product) ? UPSERT_MARIADB : UPSERT_STANDARD;
    }

    /**
     * Forgets positions not written for as long as the change log keeps changes: the changes after them are gone
     * too, so they could not be replayed anyway (and the keys have mostly expired).
     */
    int trim() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM remote_position WHERE updated_at < ?")) {
            delete.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now().minus(changeLog.maxAge())));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot trim the stored RemoteEvents positions: " + e.getMessage(), e);
        }
    }
}
