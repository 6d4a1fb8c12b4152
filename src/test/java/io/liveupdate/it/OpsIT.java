package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.RemoteJmx;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The console: the application's MBeans, read over WildFly's remoting JMX on the management port as JConsole
 * reads them, move with real traffic (two Faye clients, connector saves); and the health check answers.
 */
class OpsIT extends Deployed {

    private static final String APP = "app=live-update";
    private static final String SESSIONS = "io.liveupdate:type=Sessions," + APP + "|";
    private static final String MESSAGES = "io.liveupdate:type=Messages," + APP + "|";
    private static final String SAVE = "io.liveupdate:type=Latency,name=Save," + APP + "|";
    private static final String BROADCAST = "io.liveupdate:type=Latency,name=Broadcast," + APP + "|";
    private static final String DOORBELL = "io.liveupdate:type=Doorbell," + APP + "|";

    private final RemoteJmx jmx = RemoteJmx.ofTestServer();

    @Test
    void theConsoleCountersMoveWithSessionsSavesAndPublishes() {
        Map<String, String> before = console();
        try (var ws = FayeClient.start("ws"); var lp = FayeClient.start("lp")) {
            connectOverWebSocket(ws, deploymentUrl + "sync");
            lp.connect(deploymentUrl + "sync", LONG_POLLING);
            var calendar = new TestCalendar(http());
            String channel = "/calendars/" + calendar.name + "/update";
            ws.subscribe(channel);
            lp.subscribe(channel);
            long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "watched by the console");
            ws.awaitMessage(channel, d -> "inserted".equals(d.getString("status", "")), Duration.ofSeconds(5));
            lp.awaitMessage(channel, d -> "inserted".equals(d.getString("status", "")), Duration.ofSeconds(5));

            Map<String, String> during = console();
            System.out.println("Console during the run (" + jmx.serviceUrl() + "):");
            during.forEach((attribute, value) -> System.out.println("  " + attribute + " = " + value));

            assertTrue(number(during, SESSIONS + "WebSocketSessions") >= 1, "the WebSocket client is counted");
            assertTrue(number(during, SESSIONS + "LongPollingSessions") >= 1, "the long-polling client is counted");
            assertTrue(number(during, SESSIONS + "Subscriptions") >= 2);
            assertTrue(grew(before, during, SESSIONS + "SessionsOpened") >= 2);
            assertTrue(grew(before, during, MESSAGES + "Received") >= 4, "two handshakes, two subscribes at least");
            assertTrue(grew(before, during, MESSAGES + "Delivered") >= 2, "the insert reached both subscribers");
            assertTrue(grew(before, during, SAVE + "Count") >= 1, "the insert was timed");
            assertTrue(number(during, SAVE + "MaxMillis") > 0);
            assertTrue(grew(before, during, BROADCAST + "Count") >= 1, "its broadcast was timed");
            assertTrue(number(during, MESSAGES + "QueueBound") >= 1);
            assertEquals("connected", during.get(DOORBELL + "State"), "the test server runs on PostgreSQL: its listener is connected");
            assertEquals("true", during.get(DOORBELL + "Up"));
            assertEquals(0, number(during, DOORBELL + "LagChanges"), "every change the database has was delivered at the last check");
            assertTrue(number(during, DOORBELL + "MillisSinceLastCheck") >= 0, "it has checked at least once");
            http().delete(calendar.url + "/" + id);
        }
    }

    @Test
    void anAbsentSubscriberCutLooseAtItsQueueBoundIsCountedWithWhatItLost() {
        Map<String, String> before = console();
        int bound = (int) number(before, MESSAGES + "QueueBound");
        String channel = "/ops/" + UUID.randomUUID().toString().replace("-", "");
        String clientId = handshake();
        http().post("sync", Http.JSON, "{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + clientId + "\",\"subscription\":\"" + channel + "\"}");
        // It never connects, so its queue only fills. Batches of 500 stay under liveupdate.security.max-batch-messages;
        // each comes from a session of its own (a publish must name one), within its publish rate, which then leaves.
        for (int first = 0; first <= bound; first += 500) {
            String publisher = handshake();
            var batch = new StringBuilder("[");
            for (int i = first; i <= Math.min(bound, first + 499); i++) {
                batch.append(i == first ? "" : ",").append("{\"channel\":\"" + channel + "\",\"clientId\":\"" + publisher + "\",\"data\":{\"n\":" + i + "}}");
            }
            batch.append(",{\"channel\":\"/meta/disconnect\",\"clientId\":\"" + publisher + "\"}");
            http().post("sync", Http.JSON, batch.append("]").toString());
        }

        Map<String, String> after = console();

        assertEquals(1, grew(before, after, SESSIONS + "SessionsCutLoose"));
        assertEquals(bound + 1, grew(before, after, MESSAGES + "Dropped"), "the queue and the message that did not fit");
        assertEquals(bound, grew(before, after, MESSAGES + "Delivered"));
    }

    private String handshake() {
        var handshake = http().post("sync", Http.JSON, "{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"]}");
        try (var reader = Json.createReader(new StringReader(handshake.body()))) {
            return reader.readArray().getJsonObject(0).getString("clientId");
        }
    }

    @Test
    void healthIsUpWhileTheDatabaseAnswers() {
        var response = http().get("api/health");
        assertEquals(200, response.statusCode(), response.body());
        var health = Http.json(response);
        assertEquals("UP", health.getString("status"));
        assertEquals("database", health.getJsonArray("checks").getJsonObject(0).getString("name"));
        var doorbell = health.getJsonArray("checks").getJsonObject(1);
        assertEquals("doorbell", doorbell.getString("name"));
        assertEquals("UP", doorbell.getString("status"));
        assertEquals("connected", doorbell.getString("state"), "on PostgreSQL the node listens for other nodes' changes");
    }

    @Test
    void theServersOwnReadinessEndpointIncludesTheDatabaseCheck() {
        var management = new Http(URI.create("http://127.0.0.1:" + Integer.getInteger("it.management.port", 9990) + "/"));
        var response = management.get("health/ready");
        assertEquals(200, response.statusCode(), response.body());
        var check = Http.json(response).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> "live-update-database".equals(c.getString("name"))).findFirst();
        assertTrue(check.isPresent(), "wildfly-ops.cli added MicroProfile Health: " + response.body());
        assertEquals("UP", check.get().getString("status"));
        var doorbell = Http.json(response).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> "live-update-doorbell".equals(c.getString("name"))).findFirst();
        assertTrue(doorbell.isPresent(), response.body());
        assertEquals("UP", doorbell.get().getString("status"));
    }

    /**
     * Faye uses long-polling for its first connect when its WebSocket probe has not finished by then, which happens on
     * an overloaded machine; this test needs a WebSocket session, so it tries again (the server is not at fault).
     */
    private static void connectOverWebSocket(FayeClient client, String url) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.connect(url, WEBSOCKET);
                return;
            } catch (AssertionError fellBack) {
                if (attempt == 3 || !String.valueOf(fellBack.getMessage()).contains("but Faye sent /meta/connect over")) throw fellBack;
                client.disconnect();
            }
        }
    }

    private Map<String, String> console() {
        return jmx.read("io.liveupdate:*," + APP);
    }

    private static double number(Map<String, String> console, String attribute) {
        String value = console.get(attribute);
        assertNotNull(value, () -> attribute + " is not in the console: " + console.keySet());
        return Double.parseDouble(value);
    }

    private static double grew(Map<String, String> before, Map<String, String> after, String attribute) {
        return number(after, attribute) - (before.containsKey(attribute) ? number(before, attribute) : 0);
    }
}
