package io.liveupdate.persistence;

import io.liveupdate.json.Json;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Numbers every committed change per stream and keeps it for replay ({@code change_stream}, {@code change_log}).
 *
 * <p>{@link #append} must run in the transaction that makes the change: the container hands it that
 * transaction's connection, the stream's counter row stays locked until the commit, so a stream's numbers follow
 * its commit order and a rolled-back change leaves neither a number nor a gap. Plain JDBC rather than JPA, because
 * it is called from JPA callbacks, where the entity manager may not be used.
 */
@ApplicationScoped
public class ChangeLog {

    /** Trimming runs on every this many appends to a stream, in that append's transaction. */
    private static final int TRIM_EVERY = 100;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** The PostgreSQL notification channel every appended change rings (see {@link #ringDoorbell}). */
    public static final String DOORBELL = "liveupdate_changes";

    /** The transaction-local PostgreSQL setting that marks a transaction's row writes as the WAR's (see {@link #append}). */
    public static final String WRITER = "liveupdate.writer";

    /**
     * Tells the triggers of server-config/outside-writes/postgres.sql that this transaction's rows were written by the
     * WAR, which numbers them itself: {@value #WRITER} is {@code war} until the transaction ends. Rides on the log
     * row's INSERT, which every append makes once, so it costs no round trip of its own. The triggers are deferred to
     * the commit, so it does not matter whether JPA wrote the row before or after. (MariaDB's: {@link #markWritesAsTheWars}.)
     */
    private static final String MARKED_AS_THE_WARS = " RETURNING set_config('" + WRITER + "', 'war', true)";

    /**
     * MariaDB's mark (see {@link #markWritesAsTheWars}): a session variable, which the connection keeps after the
     * transaction too; harmless, as every transaction of the WAR's sets it again.
     */
    private static final String MARIADB_MARK = "SET @liveupdate_writer = 'war'";

    @Inject
    ChangeLogSettings settings;

    /** The datasource's product name; asked once, on the first connection. */
    private volatile String product;

    /** @return the entry as written: the change's number in its stream, its payload and the stream's epoch */
    public LoggedChange append(String stream, JsonObject payload) {
        try (Connection connection = dataSource.getConnection()) {
            StreamHead head = bump(connection, stream);
            long seq = head.lastSeq();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO change_log (stream, seq, payload, committed_at) VALUES (?, ?, ?, ?)"
                            + (isPostgres(connection) ? MARKED_AS_THE_WARS : ""))) {
                insert.setString(1, stream);
                insert.setLong(2, seq);
                insert.setString(3, payload.toString());
                insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
                insert.execute();
            }
            if (seq % TRIM_EVERY == 0) trim(connection, stream, seq);
            if (settings.doorbell() && isPostgres(connection)) ringDoorbell(connection, doorbell(stream, seq, head.epoch()));
            return new LoggedChange(stream, seq, payload, head.epoch());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot log the change of " + stream + ": " + e.getMessage(), e);
        }
    }

    /**
     * Locks the stream's counter row until the transaction ends, creating it (at 0, with an epoch) when the stream has
     * none yet: what the transaction reads afterwards includes every change of the stream committed before, and no other
     * change of the stream commits until it ends, on any node. So a rule over a whole stream (a chart's loops of
     * dependencies) can be checked and kept by one transaction at a time. Needs READ COMMITTED (the datasources' level,
     * PostgreSQL's default) so that reads after the lock see what the lock waited for. Must run in that transaction
     * and before its other writes, which then cannot deadlock with another such transaction; its own {@link #append}
     * finds the row locked by itself.
     */
    public void lock(String stream) {
        try (Connection connection = dataSource.getConnection()) {
            if (isMariaDb(connection)) upsertCounter(connection, stream, 0);
            else updateCounterCreatingIt(connection, stream, 0);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the stream " + stream + ": " + e.getMessage(), e);
        }
    }

    /**
     * Tells the triggers of server-config/outside-writes/mariadb.sh that the current transaction's row writes are the
     * WAR's, which numbers them itself ({@link #append}): must run in the transaction before its first write of a
     * row. MariaDB's triggers run at the row write, not at the commit, so the mark that {@link #append} sets on
     * PostgreSQL would come too late there; it sets {@code @liveupdate_writer} on the transaction's connection. Per
     * transaction, not once when the pool opens a connection: Flyway sets every user variable of the connection it
     * migrated with back to NULL, and that connection goes back to the pool. Nothing on other databases.
     */
    public void markWritesAsTheWars() {
        String known = product;
        if (known != null && !DatabaseProduct.isMariaDb(known)) return; // not even a connection elsewhere
        try (Connection connection = dataSource.getConnection()) {
            if (!isMariaDb(connection)) return;
            try (PreparedStatement mark = connection.prepareStatement(MARIADB_MARK)) {
                mark.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark the transaction's writes as the WAR's: " + e.getMessage(), e);
        }
    }

    /**
     * Whether this very entry is in the log, i.e. whether the transaction that appended it committed. Asked when a
     * commit failed on its way back from the database (the connection broke after COMMIT was sent): the change may
     * or may not have been committed, and only the database can tell. An entry trimmed since (older than the
     * log keeps) reads as absent; an in-doubt commit is asked about within seconds, long before that.
     *
     * @throws IllegalStateException while the database cannot be reached
     */
    public boolean holds(LoggedChange entry) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT payload FROM change_log WHERE stream = ? AND seq = ?")) {
            select.setString(1, entry.stream());
            select.setLong(2, entry.seq());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getString(1).equals(entry.payload().toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change log of " + entry.stream() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The stream's changes numbered after {@code seq}, oldest first, at most {@code limit}, each with the stream's
     * epoch as the same statement read it: what the log holds now belongs to the epoch the stream has now.
     */
    public List<LoggedChange> after(String stream, long seq, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT l.seq, l.payload, s.epoch FROM change_log l LEFT JOIN change_stream s ON s.stream = l.stream"
                                + " WHERE l.stream = ? AND l.seq > ? ORDER BY l.seq")) {
            select.setString(1, stream);
            select.setLong(2, seq);
            select.setMaxRows(limit);
            var changes = new ArrayList<LoggedChange>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    try (var reader = Json.createReader(new StringReader(rows.getString(2)))) {
                        changes.add(new LoggedChange(stream, rows.getLong(1), reader.readObject(), rows.getString(3)));
                    }
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change log of " + stream + ": " + e.getMessage(), e);
        }
    }

    /** Every stream's last number ({@code change_stream}): what a node compares its delivered marks with. */
    public Map<String, Long> lastSeqs() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT stream, last_seq FROM change_stream");
                ResultSet rows = select.executeQuery()) {
            var last = new HashMap<String, Long>();
            while (rows.next()) last.put(rows.getString(1), rows.getLong(2));
            return last;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change streams: " + e.getMessage(), e);
        }
    }

    /** Every stream's last number and epoch ({@code change_stream}), read at once: what the periodic check compares with. */
    public Map<String, StreamHead> heads() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT stream, last_seq, epoch FROM change_stream");
                ResultSet rows = select.executeQuery()) {
            var heads = new HashMap<String, StreamHead>();
            while (rows.next()) heads.put(rows.getString(1), new StreamHead(rows.getLong(2), rows.getString(3)));
            return heads;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change streams: " + e.getMessage(), e);
        }
    }

    /** Where the stream stands: its last number (0 when it has none) and its epoch (null when it has none). */
    public StreamHead head(String stream) {
        try (Connection connection = dataSource.getConnection()) {
            return head(connection, stream);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change log of " + stream + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a node does when the database's last number of the stream is below the number it has delivered in the
     * same epoch, which only a restore from an older backup does: gives the stream a new epoch, unless its number
     * has caught up with {@code delivered} meanwhile (the node read it before its own latest delivery) or another
     * node renewed it first (only one node's renewal matches {@code epoch}).
     *
     * @param epoch the epoch the node holds; null for a row without one
     * @return where the stream stands afterwards, renewed or not
     */
    public StreamHead renewIfBehind(String stream, String epoch, long delivered) {
        String sql = "UPDATE change_stream SET epoch = ? WHERE stream = ? AND last_seq < ? AND "
                + (epoch == null ? "epoch IS NULL" : "epoch = ?");
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, StreamHead.newEpoch());
            update.setString(2, stream);
            update.setLong(3, delivered);
            if (epoch != null) update.setString(4, epoch);
            update.executeUpdate();
            return head(connection, stream);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot renew the epoch of " + stream + ": " + e.getMessage(), e);
        }
    }

    private static StreamHead head(Connection connection, String stream) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_seq, epoch FROM change_stream WHERE stream = ?")) {
            select.setString(1, stream);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new StreamHead(rows.getLong(1), rows.getString(2)) : new StreamHead(0, null);
            }
        }
    }

    /** Whether the change log is on PostgreSQL, where other nodes can share it (the embedded H2 start cannot). */
    public boolean isShared() {
        try (Connection connection = dataSource.getConnection()) {
            return isPostgres(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }

    /**
     * Whether other nodes may share the change log but hear no doorbell: MariaDB has no LISTEN/NOTIFY, so a node
     * learns of the other nodes' changes at its periodic check only (stream.ChangeFeed).
     */
    public boolean isPolled() {
        try (Connection connection = dataSource.getConnection()) {
            return isMariaDb(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }

    /** The number of the stream's last committed change, 0 when it has none. */
    public long lastSeq(String stream) {
        return single("SELECT last_seq FROM change_stream WHERE stream = ?", stream).orElse(0);
    }

    /** The number of the oldest change still kept, if any. */
    public OptionalLong firstKept(String stream) {
        return single("SELECT MIN(seq) FROM change_log WHERE stream = ?", stream);
    }

    private OptionalLong single(String sql, String stream) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, stream);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) return OptionalLong.empty();
                long value = rows.getLong(1);
                return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change log of " + stream + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the doorbell of change {@code seq} says: {@code "<seq>:<epoch> <stream>"} ({@code "<seq> <stream>"} without
     * an epoch, as nodes from before epochs rang it; stream.Doorbell reads both).
     */
    public static String doorbell(String stream, long seq, String epoch) {
        return epoch == null ? seq + " " + stream : seq + ":" + epoch + " " + stream;
    }

    /**
     * Tells the other nodes, through PostgreSQL, that the stream has a change: {@value #DOORBELL} carries its number
     * and epoch ({@link #doorbell}), never the payload (NOTIFY payloads end at 8000 bytes; the nodes read the change
     * from the log). Issued in the appending transaction, so PostgreSQL delivers it if and only if that transaction
     * commits, and in commit order (stream.ChangeFeed listens). Not rung when {@code liveupdate.changelog.doorbell} is
     * false (one node alone).
     */
    private static void ringDoorbell(Connection connection, String doorbell) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('" + DOORBELL + "', ?)")) {
            notify.setString(1, doorbell);
            notify.executeQuery().close();
        }
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        return DatabaseProduct.isPostgres(product(connection));
    }

    private boolean isMariaDb(Connection connection) throws SQLException {
        return DatabaseProduct.isMariaDb(product(connection));
    }

    private String product(Connection connection) throws SQLException {
        String known = product;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName();
            product = known;
        }
        return known;
    }

    /**
     * Increments the stream's counter, creating it at 1 with a new epoch; the row stays locked until the transaction
     * ends. A row from before epochs gets one here, once (the lock keeps a concurrent change from giving another).
     */
    private StreamHead bump(Connection connection, String stream) throws SQLException {
        if (isMariaDb(connection)) upsertCounter(connection, stream, 1);
        else updateCounterCreatingIt(connection, stream, 1);
        return head(connection, stream);
    }

    /** @param by 1 to take the next number, 0 to lock the row only (an UPDATE locks the row it matches, changed or not) */
    private static void updateCounterCreatingIt(Connection connection, String stream, int by) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE change_stream SET last_seq = last_seq + ?, epoch = COALESCE(epoch, ?) WHERE stream = ?")) {
            update.setInt(1, by);
            update.setString(2, StreamHead.newEpoch());
            update.setString(3, stream);
            if (update.executeUpdate() == 0) {
                createCounter(connection, stream);
                if (update.executeUpdate() != 1) throw new SQLException("no counter row for " + stream);
            }
        }
    }

    /**
     * MariaDB (InnoDB) in one statement: an INSERT that finds the key takes the row's exclusive lock and updates it (by 0
     * too: the lock is taken on the duplicate key before the update), so
     * concurrent first changes of a stream queue behind each other. Not INSERT IGNORE then UPDATE: there, waiting
     * inserts each take a shared lock on the new row, and two of them upgrading to exclusive deadlock.
     */
    private static void upsertCounter(Connection connection, String stream, int by) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO change_stream (stream, last_seq, epoch) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE last_seq = last_seq + ?, epoch = COALESCE(epoch, VALUES(epoch))")) {
            upsert.setString(1, stream);
            upsert.setInt(2, by);
            upsert.setString(3, StreamHead.newEpoch());
            upsert.setInt(4, by);
            upsert.executeUpdate();
        }
    }

    /**
     * The first change of a stream creates its counter at 0, in a new epoch. Concurrent first changes (ten savers on a new calendar)
     * must not fail on the key: on PostgreSQL, ON CONFLICT DO NOTHING waits for the other transaction's row and
     * then leaves it, and the caller's UPDATE takes the next number behind it. The embedded H2 of the demo start
     * has no ON CONFLICT; there a concurrent first change can still be refused on the key (and retried).
     */
    private static void createCounter(Connection connection, String stream) throws SQLException {
        String sql = DatabaseProduct.isPostgres(connection.getMetaData().getDatabaseProductName())
                ? "INSERT INTO change_stream (stream, last_seq, epoch) VALUES (?, 0, ?) ON CONFLICT (stream) DO NOTHING"
                : "INSERT INTO change_stream (stream, last_seq, epoch) VALUES (?, 0, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, stream);
            insert.setString(2, StreamHead.newEpoch());
            insert.executeUpdate();
        }
    }

    private void trim(Connection connection, String stream, long seq) throws SQLException {
        try (PreparedStatement byCount = connection.prepareStatement("DELETE FROM change_log WHERE stream = ? AND seq <= ?");
                PreparedStatement byAge = connection.prepareStatement("DELETE FROM change_log WHERE stream = ? AND committed_at < ? AND seq < ?")) {
            byCount.setString(1, stream);
            byCount.setLong(2, seq - settings.maxEntries());
            byCount.executeUpdate();
            byAge.setString(1, stream);
            byAge.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now().minus(settings.maxAge())));
            byAge.setLong(3, seq);
            byAge.executeUpdate();
        }
    }
}
