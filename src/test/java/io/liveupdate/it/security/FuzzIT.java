package io.liveupdate.it.security;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.Deployed;
import io.liveupdate.it.Http;
import io.liveupdate.it.TestCalendar;
import io.liveupdate.it.faye.FayeClient;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Malformed JSON, wrong types, huge and deeply nested payloads and invalid channel names, fed to every endpoint of
 * the real WAR: each is answered with an error (never a 5xx, never silence), and afterwards the server still
 * serves a normal save and delivers it live.
 */
class FuzzIT extends Deployed {

    /** Nesting far beyond any parser's limit: must be refused, not overflow a stack. */
    private static final String DEEP = "[".repeat(100_000) + "]".repeat(100_000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000);
    private static final String HUGE = "x".repeat(2 * 1024 * 1024); // 2 MiB, over every body and frame limit
    private static final HttpClient WS_CLIENT = HttpClient.newHttpClient();

    private final List<String> failures = new ArrayList<>();

    @AfterEach
    void theServerStillSavesAndDeliversLive() throws Exception {
        assertEquals(List.of(), failures, "every bad input gets an error");
        // Neither refused nor stalled (10 s read timeout): a Faye client whose upgrade fails stays on long-polling.
        String upgrade = RawUpgrade.statusLine(deploymentUrl, "sync", null);
        assertTrue(upgrade.startsWith("HTTP/1.1 101"), "the server still upgrades /sync after the fuzz: " + upgrade);
        var calendar = new TestCalendar(http());
        try (var watcher = FayeClient.start("after-fuzz")) {
            watcher.connect(deploymentUrl + "sync", FayeClient.Transport.WEBSOCKET);
            watcher.subscribe("/calendars/" + calendar.name + "/update");
            String text = "after the fuzz " + UUID.randomUUID();
            calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", text);
            watcher.awaitMessage("/calendars/" + calendar.name + "/update", d -> d.toString().contains(text), Duration.ofSeconds(10));
        }
    }

    @Test
    void theConnectorAnswersEveryBadRequestWithAnError() {
        var calendar = new TestCalendar(http());
        String url = calendar.url;
        String[][] jsonBodies = {
                {"malformed", "{\"start_date\":"},
                {"not an object", "[1,2,3]"},
                {"a number", "42"},
                {"deeply nested array", DEEP},
                {"deeply nested object", DEEP_OBJECT},
                {"wrong types", "{\"start_date\":5,\"end_date\":[],\"text\":{}}"},
                {"null dates", "{\"start_date\":null,\"end_date\":null,\"text\":null}"},
                {"JSON mode, wrong types", "{\"id\":{},\"action\":7,\"data\":\"x\"}"},
                {"JSON mode, unknown action", "{\"id\":1,\"action\":\"explode\",\"data\":{}}"},
                {"huge number as a date", "{\"start_date\":1e999999999,\"end_date\":\"2025-04-01 10:00\",\"text\":\"x\"}"},
                {"invalid UTF-8 escape", "{\"text\":\"\\ud800\",\"start_date\":\"x\"}"},
        };
        for (String[] body : jsonBodies) {
            expectError(body[0], http().post(url + "?editing=true", Http.JSON, body[1]));
            expectError(body[0] + " (REST)", http().post(url, Http.JSON, body[1]));
        }
        expectError("huge body", http().post(url, Http.JSON, "{\"text\":\"" + HUGE + "\"}"));
        expectError("bad form encoding", http().post(url, Http.FORM, "ids=1&1_text=%zz&1_!nativeeditor_status=inserted"));
        expectError("form row without dates", http().post(url, Http.FORM, "ids=1&1_text=x&1_!nativeeditor_status=inserted"));
        expectError("unknown status", http().post(url, Http.FORM, "ids=1&1_!nativeeditor_status=sideways"));
        expectError("bad range", http().get(url + "?from=yesterday&to=%00"));
        expectError("PUT of a non-numeric id", http().put(url + "/abc", Http.JSON, "{\"text\":\"x\"}"));
        expectError("PUT of an unknown id", http().put(url + "/999999999999", Http.JSON, "{\"text\":\"x\"}"));
        expectError("DELETE of an id with a path in it", http().delete(url + "/..%2F..%2Fx"));
        expectError("invalid calendar name", http().get("api/calendars/" + "n".repeat(65) + "/events"));
        expectError("calendar name with markup", http().get("api/calendars/%3Cscript%3E/events"));
        expectError("XML body", http().post(url, "text/xml", "<data><event><!ENTITY x SYSTEM \"file:///etc/passwd\"></event></data>"));
        assertTrue(calendar.load().isEmpty(), "nothing was stored");
    }

    @Test
    void longPollingAnswersEveryBadPayloadWithAnError() {
        String[][] payloads = {
                {"malformed", "[{\"channel\":"},
                {"a number", "5"},
                {"array of numbers", "[1,2]"},
                {"deeply nested", DEEP},
                {"deeply nested object", DEEP_OBJECT},
                {"channel not a string", "[{\"channel\":5}]"},
                {"handshake with wrong types", "[{\"channel\":\"/meta/handshake\",\"version\":[],\"supportedConnectionTypes\":\"x\"}]"},
                {"connect without clientId", "[{\"channel\":\"/meta/connect\"}]"},
                {"subscribe, unknown client", "[{\"channel\":\"/meta/subscribe\",\"clientId\":{},\"subscription\":\"/a\"}]"},
                {"publish without data", "[{\"channel\":\"/fuzz\"}]"},
                {"publish to a pattern", "[{\"channel\":\"/fuzz/**\",\"data\":{}}]"},
                {"publish to an unknown meta channel", "[{\"channel\":\"/meta/handshake/../x\",\"data\":{}}]"},
                {"publish to an empty channel", "[{\"channel\":\"\",\"data\":{}}]"},
                {"publish to a huge channel name", "[{\"channel\":\"/" + "c".repeat(100_000) + "\",\"data\":{\"operation\":\"insert\",\"id\":1,\"data\":{}}}]"},
        };
        for (String[] payload : payloads) {
            var response = http().post("sync", Http.JSON, payload[1]);
            boolean refused = response.statusCode() == 400
                    || (response.statusCode() == 200 && response.body().contains("\"successful\":false") && response.body().contains("\"error\""));
            if (!refused) failures.add(payload[0] + ": " + response.statusCode() + " " + abbreviate(response.body()));
        }
        expectStatus("over 1 MiB", 400, http().post("sync", Http.JSON, "[{\"channel\":\"/fuzz\",\"data\":\"" + HUGE + "\"}]"));
        // JSONP is off by default (liveupdate.bayeux.jsonp): refused before the callback is even looked at.
        expectStatus("JSONP with a script as callback", 403, http().get("sync?jsonp=alert(1)//&message=%5B%5D"));
        expectStatus("JSONP without message", 403, http().get("sync?jsonp=cb"));

        String clientId = Json.createReader(new StringReader(http().post("sync", Http.JSON, "[" + SecuredIT.handshake(null) + "]").body()))
                .readArray().getJsonObject(0).getString("clientId");
        for (String channel : new String[] {"", "/", "//", "no-slash", "/a/**/b", "/a/*/b", "/meta/**", "/service/x", "/" + "x".repeat(10_000) + " y"}) {
            var reply = http().post("sync", Http.JSON, "[{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + clientId + "\",\"subscription\":"
                    + Json.createValue(channel) + "}]");
            if (!reply.body().contains("\"successful\":false")) failures.add("subscribe " + abbreviate(channel) + ": " + abbreviate(reply.body()));
        }
        for (String data : new String[] {"\"not an object\"", "{\"operation\":5,\"id\":1,\"data\":{}}", "{\"operation\":\"insert\",\"data\":\"x\"}",
                "{\"operation\":\"insert\",\"id\":{},\"data\":{}}", "{\"operation\":\"update\",\"id\":1,\"data\":" + "[".repeat(500) + "]".repeat(500) + "}"}) {
            var reply = http().post("sync", Http.JSON, "[{\"channel\":\"/fuzz-storage\",\"clientId\":\"" + clientId + "\",\"data\":" + data + "}]");
            boolean isOperation = data.contains("operation");
            if (isOperation && !reply.body().contains("405:/fuzz-storage:Invalid storage operation")) {
                failures.add("storage " + abbreviate(data) + ": " + abbreviate(reply.body()));
            }
        }
    }

    @Test
    void theWebSocketAnswersBadFramesAndClosesOnlyOnAnOversizedOne() throws Exception {
        var uri = URI.create(deploymentUrl.toString().replaceFirst("^http", "ws") + "sync");
        var socket = open(uri);
        for (String frame : new String[] {"not json", "5", "[1]", DEEP, DEEP_OBJECT, "[{\"channel\":5}]", "{}"}) {
            socket.ws.sendText(frame, true).get(10, TimeUnit.SECONDS);
            String reply = socket.messages.poll(10, TimeUnit.SECONDS);
            if (reply == null || !reply.contains("\"successful\":false")) failures.add("ws frame " + abbreviate(frame) + ": " + reply);
        }
        assertFalse(socket.closed.isDone(), "bad frames do not cost the socket");
        socket.ws.sendText("[\"" + HUGE + "\"]", true);
        assertEquals(1009, socket.closed.get(10, TimeUnit.SECONDS), "a frame over the limit closes with 1009 (too big)");
    }

    @Test
    void remoteEventsAnswerBadHandshakesAndFrames() throws Exception {
        expectStatus("no token", 401, http().get("api/v1"));
        expectStatus("huge token", 403, http().get("api/v1", "Remote-Token", "t".repeat(6000)));
        expectStatus("bad calendar", 400, http().get("api/v1?calendar=..%2Fetc", "Remote-Token", "demo-token"));
        String key = Http.json(http().get("api/v1", "Remote-Token", "demo-token")).getString("key");
        var uri = URI.create(deploymentUrl.toString().replaceFirst("^http", "ws") + "api/v1?token=" + key + "&ws=1");
        var socket = open(uri);
        assertTrue(socket.messages.poll(10, TimeUnit.SECONDS).contains("\"start\""));
        for (String frame : new String[] {"not json", "[]", "{\"action\":5}", "{\"action\":\"subscribe\",\"name\":{}}", DEEP_OBJECT.substring(0, 60_000)}) {
            socket.ws.sendText(frame, true).get(10, TimeUnit.SECONDS);
            String reply = socket.messages.poll(10, TimeUnit.SECONDS);
            if (reply == null || !reply.contains("\"error\"")) failures.add("remote frame " + abbreviate(frame) + ": " + reply);
        }
        socket.ws.sendText("x".repeat(70_000), true);
        assertEquals(1009, socket.closed.get(10, TimeUnit.SECONDS));
        var badToken = open(URI.create(deploymentUrl.toString().replaceFirst("^http", "ws") + "api/v1?token=%00%FF&ws=1"));
        assertEquals(1008, badToken.closed.get(10, TimeUnit.SECONDS));
    }

    private void expectError(String what, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        boolean error = (status >= 400 && status < 500)
                || (status == 200 && (body.contains("\"action\":\"error\"") || body.contains("\"action\":\"invalid\"")
                        || body.contains("type=\"error\"") || body.contains("type=\"invalid\"")));
        if (!error) failures.add(what + ": " + status + " " + abbreviate(body));
    }

    private void expectStatus(String what, int expected, HttpResponse<String> response) {
        if (response.statusCode() != expected) failures.add(what + ": " + response.statusCode() + " " + abbreviate(response.body()));
    }

    private static String abbreviate(String s) {
        return s == null || s.length() < 200 ? s : s.substring(0, 200) + "…";
    }

    private static SecuredIT.Socket open(URI uri) throws Exception {
        var socket = new SecuredIT.Socket();
        socket.ws = WS_CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, socket).get(10, TimeUnit.SECONDS);
        return socket;
    }
}
