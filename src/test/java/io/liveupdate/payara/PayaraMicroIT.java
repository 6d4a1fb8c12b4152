package io.liveupdate.payara;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.security.RawUpgrade;
import io.liveupdate.it.support.PrometheusScrape;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The same WAR on Payara Micro 6 (no Arquillian): launched as a child process against the build's PostgreSQL
 * database with server-config/payara-postgres.asadmin, then driven over real HTTP through the connector's
 * REST-JSON and legacy batched XML protocols, and checked in the database with JDBC.
 */
class PayaraMicroIT {

    private static final Logger LOG = Logger.getLogger(PayaraMicroIT.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static PayaraMicro payara;

    @BeforeAll
    static void startPayaraMicro() throws IOException {
        String dbUrl = PayaraMicro.required("it.db.url");
        Map<String, String> env = Map.of(
                "DB_HOST", "127.0.0.1",
                "DB_PORT", "5432",
                "DB_NAME", databaseName(dbUrl),
                "DB_USER", System.getProperty("it.db.user", "postgres"),
                "DB_PASSWORD", "postgres");
        Path log = Path.of(PayaraMicro.required("project.root"), "target", "payara-micro.log");
        // A load of some calendar needs the deployed app, its datasource and the migrated table: the real readiness.
        payara = PayaraMicro.start(PayaraMicro.ON_POSTGRES, env, log, "api/calendars/readiness/events", "{\"data\":",
                START_TIMEOUT);
        LOG.info(() -> "Payara Micro serves the app after " + payara.startTime.toMillis() + " ms at " + payara.base);
    }

    @AfterAll
    static void stopPayaraMicro() {
        if (payara != null) payara.close();
    }

    @Test
    void theReadmeCommandServesTheDemoAndTheApiAtTheRoot() throws IOException {
        String readme = java.nio.file.Files.readString(Path.of(PayaraMicro.required("project.root"), "README.md"));
        assertTrue(readme.contains(PayaraMicro.DOCUMENTED_COMMAND + PayaraMicro.ON_POSTGRES),
                "the README documents the command this test runs: " + PayaraMicro.ON_POSTGRES);

        var page = send(request("").GET());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("id=\"scheduler_here\""), "the demo page at /: " + page.body());
        var load = send(request("api/events").GET());
        assertEquals(200, load.statusCode(), load.body());
        assertTrue(json(load).containsKey("data"), "the connector at /api/events: " + load.body());
        var underTheFileName = send(request("live-update.war/api/events").GET());
        assertEquals(404, underTheFileName.statusCode(), "nothing under the WAR's file name: " + underTheFileName.body());
    }

    @Test
    void insertLoadUpdateDeleteOverHttpLandInPostgres() throws SQLException {
        String calendar = "payara" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url = "api/calendars/" + calendar + "/events";

        // 1. Insert through REST-JSON.
        var insert = send(request(url).header("Content-Type", "application/json").POST(BodyPublishers.ofString(
                "{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"2025-04-01 10:00\",\"text\":\"on payara\"}")));
        assertEquals(200, insert.statusCode(), insert.body());
        JsonObject inserted = json(insert);
        assertEquals("inserted", inserted.getString("action"), insert.body());
        long id = inserted.getJsonNumber("tid").longValue();
        assertEquals(List.of(new Row(id, "2025-04-01 09:00", "2025-04-01 10:00", "on payara", null)), rows(calendar),
                "the insert is in PostgreSQL");

        // 2. Load it back.
        var load = send(request(url).GET());
        assertEquals(200, load.statusCode(), load.body());
        JsonObject loaded = json(load);
        assertEquals(0, loaded.getJsonObject("collections").size(), load.body());
        assertEquals(1, loaded.getJsonArray("data").size(), load.body());
        JsonObject event = loaded.getJsonArray("data").getJsonObject(0);
        assertEquals(id, event.getJsonNumber("id").longValue());
        assertEquals("2025-04-01 09:00", event.getString("start_date"));
        assertEquals("2025-04-01 10:00", event.getString("end_date"));
        assertEquals("on payara", event.getString("text"));

        // 3. Update with the legacy batched POST; the extra "color" goes to the jsonb column.
        Map<String, String> form = new LinkedHashMap<>();
        form.put(id + "_id", Long.toString(id));
        form.put(id + "_start_date", "2025-04-01 11:00");
        form.put(id + "_end_date", "2025-04-01 12:30");
        form.put(id + "_text", "moved & renamed <on payara>");
        form.put(id + "_color", "#ff0000");
        form.put(id + "_!nativeeditor_status", "updated");
        form.put("ids", Long.toString(id));
        var update = send(request(url + "?editing=true")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(BodyPublishers.ofString(form(form))));
        assertEquals(200, update.statusCode(), update.body());
        assertTrue(update.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), update.headers().toString());
        var xml = xml(update.body());
        assertEquals("data", xml.getTagName(), update.body());
        var actions = xml.getElementsByTagName("action");
        assertEquals(1, actions.getLength(), update.body());
        Element action = (Element) actions.item(0);
        assertEquals("updated", action.getAttribute("type"), update.body());
        assertEquals(Long.toString(id), action.getAttribute("sid"));
        assertEquals(Long.toString(id), action.getAttribute("tid"));
        assertEquals(List.of(new Row(id, "2025-04-01 11:00", "2025-04-01 12:30", "moved & renamed <on payara>", "#ff0000")),
                rows(calendar), "the update is in PostgreSQL, custom field in jsonb included");
        JsonObject reloaded = json(send(request(url).GET())).getJsonArray("data").getJsonObject(0);
        assertEquals("moved & renamed <on payara>", reloaded.getString("text"));
        assertEquals("#ff0000", reloaded.getString("color"));

        // 4. Delete through REST.
        var delete = send(request(url + "/" + id).DELETE());
        assertEquals(200, delete.statusCode(), delete.body());
        JsonObject deleted = json(delete);
        assertEquals("deleted", deleted.getString("action"), delete.body());
        assertEquals(id, deleted.getJsonNumber("tid").longValue(), delete.body());

        var finalLoad = send(request(url).GET());
        assertEquals(200, finalLoad.statusCode(), finalLoad.body());
        assertEquals(0, json(finalLoad).getJsonArray("data").size(), finalLoad.body());
        assertEquals(List.of(), rows(calendar), "the row is gone from PostgreSQL");
    }

    /** Tyrus, like Undertow, runs its upgrade after the application's filters: a foreign page gets no 101. */
    @Test
    void aWebSocketUpgradeFromAForeignOriginIsRefusedBeforeTheHandshake() throws IOException {
        var base = payara.base.toURL();
        String foreign = RawUpgrade.statusLine(base, "sync", "http://evil.example");
        assertTrue(foreign.matches("HTTP/1\\.1 403.*"), foreign);
        String own = RawUpgrade.statusLine(base, "sync", RawUpgrade.ownOrigin(base));
        assertTrue(own.startsWith("HTTP/1.1 101"), own);
    }

    /**
     * The live figures through Payara's MicroProfile Metrics ({@code ops.MicroProfileMeters}), where its monitoring
     * reads them: a long-polling Bayeux session subscribes, a save reaches it, and the figures move.
     */
    @Test
    void theLiveFiguresMoveOnMetricsScopeApplicationAfterASaveAndADelivery() {
        URI scrape = payara.base.resolve("metrics?scope=application");
        PrometheusScrape before = PrometheusScrape.of(scrape);
        String calendar = "metrics" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String clientId = bayeux("{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"]}")
                .getString("clientId");
        bayeux("{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + clientId + "\",\"subscription\":\"/calendars/" + calendar + "/update\"}");
        var insert = send(request("api/calendars/" + calendar + "/events").header("Content-Type", "application/json").POST(BodyPublishers.ofString(
                "{\"start_date\":\"2025-04-02 09:00\",\"end_date\":\"2025-04-02 10:00\",\"text\":\"counted\"}")));
        assertEquals(200, insert.statusCode(), insert.body());

        // The change reaches its subscriber after the commit, on another thread: read until the delivery shows.
        PrometheusScrape after = PrometheusScrape.of(scrape);
        for (long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
             grew(before, after, "liveupdate_messages_delivered_total") < 1 && System.nanoTime() < deadline; ) {
            after = PrometheusScrape.of(scrape);
        }
        System.out.println("Payara Micro " + scrape + " (live-update's series):");
        after.startingWith("liveupdate_").forEach((series, value) -> System.out.println("  " + series + " " + value));

        assertTrue(grew(before, after, "liveupdate_messages_delivered_total") >= 1, "the insert reached the subscriber");
        assertTrue(grew(before, after, "liveupdate_messages_received_total") >= 2, "a handshake and a subscribe at least");
        assertTrue(grew(before, after, "liveupdate_sessions_opened_total") >= 1);
        assertTrue(after.value("liveupdate_sessions", "transport", "long-polling") >= 1, "the session is counted");
        assertTrue(after.value("liveupdate_subscriptions") >= 1);
        assertEquals(1, grew(before, after, "liveupdate_save_seconds_count"), "the insert was timed, once");
        assertTrue(grew(before, after, "liveupdate_save_seconds_sum") > 0, "in seconds, more than none");
        assertTrue(after.value("liveupdate_save_seconds_sum") < 600, "seconds, not milliseconds");
        assertTrue(grew(before, after, "liveupdate_broadcast_seconds_count") >= 1, "its broadcast was timed");
        assertTrue(after.value("liveupdate_save_recent_max_seconds") > 0);
        assertEquals(1, after.value("liveupdate_doorbell_state", "state", "connected"), "Payara runs on PostgreSQL too");
        after.startingWith("liveupdate_").keySet().forEach(series -> assertEquals("application",
                PrometheusScrape.labels(series).get("mp_scope"), "Payara's application scope: " + series));
        send(request("api/calendars/" + calendar + "/events/" + json(insert).getJsonNumber("tid").longValue()).DELETE());
    }

    private static double grew(PrometheusScrape before, PrometheusScrape after, String name) {
        return after.value(name) - before.value(name);
    }

    /** One Bayeux message over long-polling; its one reply, which must be successful. */
    private static JsonObject bayeux(String message) {
        var response = send(request("sync").header("Content-Type", "application/json").POST(BodyPublishers.ofString("[" + message + "]")));
        assertEquals(200, response.statusCode(), response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject reply = reader.readArray().getJsonObject(0);
            assertTrue(reply.getBoolean("successful", false), response.body());
            return reply;
        }
    }

    @Test
    void flywayMigratedThePostgresDatabasePayaraUses() throws SQLException {
        try (Connection db = database();
             var statement = db.prepareStatement("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '1'");
             var result = statement.executeQuery()) {
            assertTrue(result.next());
            assertEquals(1, result.getInt(1), "V1 is applied exactly once");
        }
        try (Connection db = database();
             var statement = db.prepareStatement(
                     "SELECT data_type FROM information_schema.columns WHERE table_name = 'scheduler_event' AND column_name = 'custom_fields'");
             var result = statement.executeQuery()) {
            assertTrue(result.next(), "scheduler_event.custom_fields exists");
            assertEquals("jsonb", result.getString(1), "PostgreSQL placeholders were used");
        }
    }

    // --- database --------------------------------------------------------------------------------------------

    record Row(long id, String start, String end, String text, String color) {}

    private static List<Row> rows(String calendar) throws SQLException {
        try (Connection db = database();
             var statement = db.prepareStatement("SELECT id, to_char(start_date, 'YYYY-MM-DD HH24:MI'), "
                     + "to_char(end_date, 'YYYY-MM-DD HH24:MI'), text, custom_fields ->> 'color' "
                     + "FROM scheduler_event WHERE calendar = ? ORDER BY id")) {
            statement.setString(1, calendar);
            try (var result = statement.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getString(5)));
                }
                return rows;
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(PayaraMicro.required("it.db.url"), System.getProperty("it.db.user", "postgres"), "");
    }

    /** jdbc:postgresql://host:port/name?params -> name */
    static String databaseName(String jdbcUrl) {
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // --- HTTP ------------------------------------------------------------------------------------------------

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(payara.base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("X-Requested-With", "XMLHttpRequest");
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return CLIENT.send(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e + "\n" + payara.tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON object: " + response.body(), e);
        }
    }

    private static Element xml(String body) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + body, e);
        }
    }

    /** The dataProcessor's encoding (encodeURIComponent: '!' stays literal). */
    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!");
    }
}
