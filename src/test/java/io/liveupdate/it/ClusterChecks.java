package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.faye.FayeEvent;
import io.liveupdate.it.support.RunDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the cluster tests check on every node alike: that clients received a calendar's change log, once each and in
 * log order; a node's doorbell as {@code /api/health} reports it; the run's database.
 */
public final class ClusterChecks {

    /** Generous: the lost-doorbell cases wait for the periodic check (every few seconds) on a loaded machine. */
    public static final Duration WITHIN = Duration.ofSeconds(60);

    private ClusterChecks() {
    }


    /**
     * Waits until each client has received as many messages on the channel as the calendar's log holds, then checks
     * that each received exactly the log: every change, once, in log order.
     */
    public static void assertSameAsLog(TestCalendar calendar, String channel, List<FayeClient> clients) {
        List<String> log = logOf(calendar);
        for (var client : clients) {
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (received(client, channel).size() < log.size() && System.nanoTime() < deadline) {
                client.assertNoMessage(channel, m -> false, Duration.ofMillis(100)); // waits without a fixed sleep
            }
            assertEquals(log, received(client, channel), client + " received every change of the log once, in log order");
        }
    }

    public static List<String> received(FayeClient client, String channel) {
        return client.messages().stream().filter(m -> channel.equals(m.channel())).map(FayeEvent::dataObject)
                .map(m -> m.getString("tid") + " " + m.getString("status")).toList();
    }

    /** The calendar's change log as "id status", in seq order, read from the database. */
    public static List<String> logOf(TestCalendar calendar) {
        try (Connection db = database();
                var select = db.prepareStatement("SELECT payload FROM change_log WHERE stream = ? ORDER BY seq")) {
            select.setString(1, "calendar:" + calendar.name);
            var log = new ArrayList<String>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    try (var reader = Json.createReader(new StringReader(rows.getString(1)))) {
                        JsonObject record = reader.readObject();
                        log.add(record.getJsonObject("event").getJsonNumber("id").longValue() + " " + record.getString("kind").toLowerCase());
                    }
                }
            }
            return log;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls a node's {@code /api/health} until it answers {@code status} with the doorbell in {@code state}; returns the body. */
    public static JsonObject awaitDoorbell(Http node, int status, String state) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        String last = "";
        while (true) {
            var response = node.get("api/health");
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == status) {
                JsonObject health = Http.json(response);
                if (state.equals(doorbellCheck(health).getString("state"))) return health;
            }
            if (System.nanoTime() > deadline) throw new AssertionError("no " + status + " with the doorbell " + state + " within " + WITHIN + "; last: " + last);
            Thread.sleep(200);
        }
    }

    public static JsonObject doorbellCheck(JsonObject health) {
        return health.getJsonArray("checks").stream().map(c -> c.asJsonObject()).filter(c -> "doorbell".equals(c.getString("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no doorbell check in " + health));
    }

    /** The run's database: PostgreSQL, or MariaDB in the build's MariaDB execution ({@link RunDatabase}). */
    public static Connection database() throws SQLException {
        return RunDatabase.connect();
    }

    public static Predicate<JsonObject> status(long id, String status) {
        return m -> Long.toString(id).equals(m.getString("tid", null)) && status.equals(m.getString("status", null));
    }

    /**
     * Logs a change as {@code ChangeLog.append} does, in one transaction, but rings no doorbell, so only a node's
     * periodic check finds it (on MariaDB, which has none, as another node's save); {@code skipped} numbers are taken before it and never logged (as if trimmed away).
     * Returns its number.
     */
    public static long appendWithoutDoorbell(String stream, int skipped, JsonObject payload) throws SQLException {
        try (Connection db = database()) {
            db.setAutoCommit(false);
            // UPDATE, then SELECT under the row lock it took: MariaDB has no UPDATE ... RETURNING.
            try (var bump = db.prepareStatement("UPDATE change_stream SET last_seq = last_seq + 1 + ? WHERE stream = ?")) {
                bump.setInt(1, skipped);
                bump.setString(2, stream);
                assertEquals(1, bump.executeUpdate(), stream + " has a stream");
            }
            long seq;
            try (var select = db.prepareStatement("SELECT last_seq FROM change_stream WHERE stream = ?")) {
                select.setString(1, stream);
                try (var rows = select.executeQuery()) {
                    assertTrue(rows.next(), stream + " has a stream");
                    seq = rows.getLong(1);
                }
            }
            try (var insert = db.prepareStatement("INSERT INTO change_log (stream, seq, payload, committed_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, stream);
                insert.setLong(2, seq);
                insert.setString(3, payload.toString());
                insert.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
                insert.executeUpdate();
            }
            db.commit();
            return seq;
        }
    }
}
