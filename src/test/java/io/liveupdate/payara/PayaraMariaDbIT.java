package io.liveupdate.payara;

import static io.liveupdate.it.ClusterChecks.status;
import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.Deployed;
import io.liveupdate.it.Http;
import io.liveupdate.it.TestCalendar;
import io.liveupdate.it.faye.FayeClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same WAR on Payara Micro 6 and MariaDB, started with docs/databases.md's command (the driver by
 * {@code --addLibs}, server-config/payara-mariadb.asadmin, the database in MARIADB_URL, MARIADB_USER and
 * MARIADB_PASSWORD), beside the MariaDB run's WildFly on the same database: it migrates, loads, saves, and its
 * subscribers hear saves made through it at once and saves made through WildFly at the periodic check (MariaDB has
 * no doorbell). Runs in the build's MariaDB failsafe execution, which creates the database and its user.
 */
class PayaraMariaDbIT extends Deployed {

    private static final Logger LOG = Logger.getLogger(PayaraMariaDbIT.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** A save made through the same server is published after its commit; one through the other at its next check (3 s). */
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static PayaraMicro payara;

    @BeforeAll
    static void startPayaraMicroOnMariaDb() throws IOException {
        Map<String, String> env = Map.of(
                // with the timeouts docs/databases.md tells to put in the URL on Payara
                "MARIADB_URL", PayaraMicro.required("it.mariadb.url") + "&connectTimeout=5000&socketTimeout=30000",
                "MARIADB_USER", PayaraMicro.required("it.mariadb.user"),
                "MARIADB_PASSWORD", PayaraMicro.required("it.mariadb.password"));
        Path log = Path.of(PayaraMicro.required("project.root"), "target", "payara-micro-mariadb.log");
        payara = PayaraMicro.start(PayaraMicro.ON_MARIADB, env, log, "api/calendars/readiness/events", "{\"data\":",
                START_TIMEOUT);
        LOG.info(() -> "Payara Micro on MariaDB serves the app after " + payara.startTime.toMillis() + " ms at " + payara.base);
    }

    @AfterAll
    static void stopPayaraMicro() {
        if (payara != null) payara.close();
    }

    private static Http payara() {
        return new Http(payara.base);
    }

    @Test
    void docsDatabasesMdDocumentsTheCommandThisTestRuns() throws IOException {
        String docs = Files.readString(Path.of(PayaraMicro.required("project.root"), "docs", "databases.md"));
        String unwrapped = docs.replaceAll("\\s+", " "); // the command is wrapped inside a list item
        assertTrue(unwrapped.contains(PayaraMicro.DOCUMENTED_COMMAND + PayaraMicro.ON_MARIADB),
                "docs/databases.md documents: " + PayaraMicro.DOCUMENTED_COMMAND + PayaraMicro.ON_MARIADB);
    }

    @Test
    void aSaveThroughPayaraLandsInMariaDbLoadsBackAndReachesItsSubscriberAtOnce() throws SQLException {
        var calendar = new TestCalendar(payara());
        String channel = "/calendars/" + calendar.name + "/update";
        try (var polling = FayeClient.start("lp-payara-mariadb")) {
            polling.connect(payara.base + "sync", LONG_POLLING);
            polling.subscribe(channel);

            long id = calendar.insert("2025-07-01 09:00", "2025-07-01 10:00", "on Payara, on MariaDB");
            var inserted = polling.awaitMessage(channel, status(id, "inserted"), WITHIN).dataObject();
            assertEquals("on Payara, on MariaDB", inserted.getJsonObject("data").getString("text"), inserted.toString());
            assertEquals(List.of(id + " on Payara, on MariaDB"), rows(calendar), "the insert is in MariaDB");

            var loaded = calendar.load();
            assertEquals(List.of(id), List.copyOf(loaded.keySet()), loaded.toString());
            assertEquals("on Payara, on MariaDB", loaded.get(id).getString("text"));

            var answer = Http.json(payara().put(calendar.url + "/" + id, Http.JSON,
                    "{\"text\":\"renamed on Payara\",\"start_date\":\"2025-07-01 11:00\",\"end_date\":\"2025-07-01 12:00\"}"));
            assertEquals("updated", answer.getString("action"), answer.toString());
            var updated = polling.awaitMessage(channel, status(id, "updated"), WITHIN).dataObject();
            assertEquals("renamed on Payara", updated.getJsonObject("data").getString("text"));
            assertEquals(List.of(id + " renamed on Payara"), rows(calendar), "the update is in MariaDB");

            assertEquals("deleted", Http.json(payara().delete(calendar.url + "/" + id)).getString("action"));
            polling.awaitMessage(channel, status(id, "deleted"), WITHIN);
            assertEquals(List.of(), rows(calendar), "the row is gone from MariaDB");
        }
    }

    @Test
    void aSaveThroughWildFlyOnTheSameMariaDbReachesASubscriberOnPayara() {
        var calendar = new TestCalendar(http());
        String channel = "/calendars/" + calendar.name + "/update";
        try (var onPayara = FayeClient.start("ws-payara-mariadb")) {
            onPayara.connect(payara.base + "sync", WEBSOCKET);
            onPayara.subscribe(channel);

            long id = calendar.insert("2025-07-02 09:00", "2025-07-02 10:00", "saved on WildFly");
            var heard = onPayara.awaitMessage(channel, status(id, "inserted"), WITHIN).dataObject();
            assertEquals("saved on WildFly", heard.getJsonObject("data").getString("text"), heard.toString());
            var onPayaraLoad = Http.json(payara().get(calendar.url)).getJsonArray("data");
            assertEquals(1, onPayaraLoad.size(), onPayaraLoad.toString());
            assertEquals("saved on WildFly", onPayaraLoad.getJsonObject(0).getString("text"), "Payara loads what WildFly saved");
        }
    }

    /** The calendar's rows in MariaDB as "id text", by id, read with the run's MariaDB user. */
    private static List<String> rows(TestCalendar calendar) throws SQLException {
        try (Connection db = DriverManager.getConnection(PayaraMicro.required("it.mariadb.url"),
                PayaraMicro.required("it.mariadb.user"), PayaraMicro.required("it.mariadb.password"));
             var select = db.prepareStatement("SELECT id, text FROM scheduler_event WHERE calendar = ? ORDER BY id")) {
            select.setString(1, calendar.name);
            var rows = new ArrayList<String>();
            try (var result = select.executeQuery()) {
                while (result.next()) rows.add(result.getLong(1) + " " + result.getString(2));
            }
            return rows;
        }
    }
}
