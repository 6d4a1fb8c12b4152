package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.security.RawUpgrade;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The JSON logs server-config/wildfly-json-logs.cli sets up, as a log shipper reads them: standalone/log/
 * server.json.log, one JSON object a line, with the fields an operator filters on: a Bayeux session's line carries
 * its shortened id (never the whole one) as {@code mdc.session}, a line written for a request its client's address
 * as {@code mdc.client} and the calendar it names as {@code mdc.calendar}.
 */
class JsonLogsIT extends Deployed {

    private static final Path LOG = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.json.log");

    @Test
    void aSessionOpenedIsOneJsonLineWithItsShortIdAsAField() throws Exception {
        var handshake = http().post("sync", Http.JSON,
                "{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"]}");
        String clientId;
        try (var reader = Json.createReader(new StringReader(handshake.body()))) {
            clientId = reader.readArray().getJsonObject(0).getString("clientId");
        }
        String shortId = clientId.substring(0, 8);

        JsonObject line = awaitLine(shortId + "… opened", Duration.ofSeconds(10));

        assertEquals("io.liveupdate.ops.BayeuxCounters", line.getString("loggerName"));
        assertEquals("INFO", line.getString("level"));
        assertEquals("1", line.getString("@version"));
        assertNotNull(OffsetDateTime.parse(line.getString("@timestamp")), "an ISO-8601 timestamp with its offset");
        assertEquals(shortId + "…", line.getJsonObject("mdc").getString("session"), "the session as a field of its own");
        assertFalse(line.toString().contains(clientId), "the full clientId (a credential) is never logged");
    }

    @Test
    void aRefusedSaveIsOneJsonLineWithTheClientAndTheCalendarAsFields() throws Exception {
        var calendar = new TestCalendar(http());
        var answer = Http.json(http().post(calendar.url, Http.JSON, "{\"end_date\":\"2025-04-01 10:00\",\"text\":\"no start\"}"));
        assertEquals("invalid", answer.getString("action"), answer.toString());

        JsonObject line = awaitLine("in calendar '" + calendar.name + "': invalid", Duration.ofSeconds(10));

        assertEquals("io.liveupdate.calendar.connector.SaveProcessor", line.getString("loggerName"));
        JsonObject fields = line.getJsonObject("mdc");
        assertEquals(calendar.name, fields.getString("calendar"), line.toString());
        assertEquals("127.0.0.1", fields.getString("client"), "the test's own address: " + line);
        assertFalse(fields.containsKey("gantt"), "no field for what the request does not name: " + line);
    }

    /** The origin check is a filter of its own: the request's fields are set before it runs. */
    @Test
    void aRefusedWebSocketUpgradeCarriesTheClientAsAField() throws Exception {
        String origin = "http://refused-" + System.nanoTime() + ".example";
        assertTrue(RawUpgrade.statusLine(deploymentUrl, "sync", origin).startsWith("HTTP/1.1 403"));

        JsonObject line = awaitLine("origin '" + origin + "' is not allowed", Duration.ofSeconds(10));

        assertEquals("127.0.0.1", line.getJsonObject("mdc").getString("client"), line.toString());
    }

    /** Every line of the file parses on its own (a shipper reads it line by line); the one with {@code text}. */
    private static JsonObject awaitLine(String text, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<String> lines = Files.readAllLines(LOG);
            assertFalse(lines.isEmpty(), LOG + " is empty");
            Optional<JsonObject> found = Optional.empty();
            for (String raw : lines) {
                JsonObject line;
                try (var reader = Json.createReader(new StringReader(raw))) {
                    line = reader.readObject();
                } catch (RuntimeException e) {
                    throw new AssertionError("not one JSON object: " + raw, e);
                }
                if (line.getString("message", "").contains(text)) found = Optional.of(line);
            }
            if (found.isPresent()) return found.get();
            if (System.nanoTime() > deadline) throw new AssertionError("no line with '" + text + "' in " + LOG);
            Thread.sleep(200);
        }
    }
}
