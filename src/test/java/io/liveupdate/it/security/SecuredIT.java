package io.liveupdate.it.security;

import static io.liveupdate.it.security.SecuredWar.*;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.Deployed;
import io.liveupdate.it.Http;
import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.TextFrames;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security switched on ({@link SecuredWar}): every forbidden action is tried and refused with the right error, and
 * the allowed ones still work, on the connector, Bayeux (long-polling, WebSocket, the real Faye client) and
 * RemoteEvents.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecuredIT {

    private static final String A = "api/calendars/sec-a/events";
    private static final String B = "api/calendars/sec-b/events";
    private static final HttpClient WS_CLIENT = HttpClient.newHttpClient();

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive secured() {
        return SecuredWar.war();
    }

    private Http http() {
        return Deployed.http(deploymentUrl);
    }

    // ---- connector ----

    @Test
    void anonymousAndWrongCredentialsGet401AndTheRightUserLoadsAndSaves() {
        var anonymous = http().get(A);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").contains("Bearer"));
        assertEquals("error", Http.json(anonymous).getString("action"));

        assertEquals(401, http().get(A, "Authorization", basic("alice", "wrong")).statusCode());
        assertEquals(401, http().get(A, "Authorization", "Bearer not-a-token").statusCode());
        assertEquals(401, http().get(A, "Authorization", "Basic %%%not-base64").statusCode());
        assertEquals(401, http().get(A, "Authorization", basic("mallory", ALICE_PASSWORD)).statusCode(), "unknown user");

        assertEquals(200, http().get(A, "Authorization", basic("alice", ALICE_PASSWORD)).statusCode());
        assertEquals(200, http().get(A, "Authorization", "Bearer " + ALICE_TOKEN).statusCode());
        String text = "alice's " + UUID.randomUUID();
        var saved = save(A, "Bearer " + ALICE_TOKEN, text, null);
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("inserted", Http.json(saved).getString("action"));
        assertTrue(http().get(A, "Authorization", "Bearer " + BOB_TOKEN).body().contains(text), "bob reads sec-a");
    }

    @Test
    void aReaderCannotSaveAndNobodyTouchesACalendarWithoutAGrant() {
        String text = "bob's " + UUID.randomUUID();
        var bobSaves = save(A, "Bearer " + BOB_TOKEN, text, null);
        assertEquals(403, bobSaves.statusCode(), bobSaves.body());
        assertTrue(Http.json(bobSaves).getString("message").contains("bob may not write sec-a"));
        var bobBatch = http().send(http().request(A + "?editing=true", "Authorization", "Bearer " + BOB_TOKEN, "Content-Type", Http.FORM)
                .POST(BodyPublishers.ofString("ids=1&1_id=1&1_text=x&1_start_date=2025-04-01%2009:00&1_end_date=2025-04-01%2010:00&1_!nativeeditor_status=inserted")));
        assertEquals(403, bobBatch.statusCode());
        assertEquals(403, http().send(http().request(A + "/1", "Authorization", "Bearer " + BOB_TOKEN).DELETE()).statusCode());
        assertEquals(403, http().get(A + "?editing=true&ids=1&1_!nativeeditor_status=deleted", "Authorization", "Bearer " + BOB_TOKEN).statusCode(),
                "a GET save is a save");
        assertFalse(http().get(A, "Authorization", "Bearer " + ALICE_TOKEN).body().contains(text), "nothing was stored");

        assertEquals(403, http().get(B, "Authorization", "Bearer " + ALICE_TOKEN).statusCode());
        assertEquals(403, http().get(A, "Authorization", "Bearer " + CAROL_TOKEN).statusCode());
        assertEquals(403, http().get("api/events", "Authorization", "Bearer " + ALICE_TOKEN).statusCode(), "default is not granted");
        assertEquals(200, http().get(B, "Authorization", "Bearer " + CAROL_TOKEN).statusCode());
    }

    @Test
    void aSaveFromAForeignPageIsRefusedAndFromAnAllowedOrTheSameOriginAccepted() {
        var foreign = save(A, "Bearer " + ALICE_TOKEN, "csrf " + UUID.randomUUID(), "http://evil.example");
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertTrue(Http.json(foreign).getString("message").contains("origin"));
        assertEquals(200, save(A, "Bearer " + ALICE_TOKEN, "from the app", ALLOWED_ORIGIN).statusCode());
        String self = deploymentUrl.getProtocol() + "://" + deploymentUrl.getHost() + ":" + deploymentUrl.getPort();
        assertEquals(200, save(A, "Bearer " + ALICE_TOKEN, "from our own page", self).statusCode());
    }

    @Test
    void aBatchedFormSaveMustSendBackTheKeyItsLoadGave() {
        var load = http().get(A, "Authorization", "Bearer " + ALICE_TOKEN);
        String key = Http.json(load).getString("dhx_security");
        assertFalse(key.isEmpty());
        assertTrue(http().get(A + "?format=xml", "Authorization", "Bearer " + ALICE_TOKEN).body().contains("dhx_security=\"" + key + "\""));
        String text = "batched " + UUID.randomUUID();
        String rows = "ids=7&7_id=7&7_text=" + text.replace(" ", "%20") + "&7_start_date=2025-04-01%2009:00&7_end_date=2025-04-01%2010:00&7_!nativeeditor_status=inserted";
        for (String wrong : new String[] {"", "&dhx_security=", "&dhx_security=forged", "&dhx_security=" + key + "x"}) {
            var refused = formSave(rows + wrong);
            assertEquals(403, refused.statusCode(), wrong);
            assertTrue(refused.body().contains("dhx_security"), refused.body());
        }
        assertFalse(http().get(A, "Authorization", "Bearer " + ALICE_TOKEN).body().contains(text), "nothing was stored");
        var accepted = formSave(rows + "&dhx_security=" + key);
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertTrue(accepted.body().contains("type=\"inserted\""), accepted.body());
        var bobsKey = Http.json(http().get(A, "Authorization", "Bearer " + BOB_TOKEN)).getString("dhx_security");
        assertNotEquals(key, bobsKey, "the key is the caller's own");
    }

    private HttpResponse<String> formSave(String body) {
        return http().send(http().request(A + "?editing=true", "Authorization", "Bearer " + ALICE_TOKEN, "Content-Type", Http.FORM)
                .POST(BodyPublishers.ofString(body)));
    }

    // ---- Bayeux ----

    @Test
    void aBayeuxHandshakeMustIdentifySomebody() {
        var anonymous = bayeux(null, handshake(null));
        assertFalse(anonymous.getBoolean("successful"));
        assertEquals("401::Authentication required", anonymous.getString("error"));
        assertEquals("none", anonymous.getJsonObject("advice").getString("reconnect"));
        assertEquals("401::Authentication required", bayeux(null, handshake("wrong-token")).getString("error"));

        assertTrue(bayeux(null, handshake(BOB_TOKEN)).getBoolean("successful"), "ext.authToken");
        assertTrue(bayeux(basic("alice", ALICE_PASSWORD), handshake(null)).getBoolean("successful"), "Basic on the request");
        var wrongHeader = http().send(http().request("sync", "Authorization", "Bearer nope", "Content-Type", Http.JSON)
                .POST(BodyPublishers.ofString(handshake(null).toString())));
        assertEquals(401, wrongHeader.statusCode());
    }

    @Test
    void subscriptionsFollowTheGrantsAndMetaAndServiceChannelsAreNeverSubscribable() {
        String bob = clientId(BOB_TOKEN);
        assertTrue(subscribe(bob, "/calendars/sec-a/update").getBoolean("successful"));
        assertTrue(subscribe(bob, "/sec-chat").getBoolean("successful"));
        for (String channel : new String[] {"/calendars/sec-b/update", "/update", "/**", "/*", "/calendars/*",
                "/calendars/**", "/meta/handshake", "/meta/**", "/meta/*", "/service/x", "/service/**", "/other-storage"}) {
            var reply = subscribe(bob, channel);
            assertFalse(reply.getBoolean("successful"), channel);
            assertEquals("403:" + channel + ":Forbidden channel", reply.getString("error"), channel);
        }
        var invalid = subscribe(bob, "not a channel");
        assertTrue(invalid.getString("error").startsWith("405:"), invalid.toString());
    }

    @Test
    void publishingNeedsWriteAndServerOwnedChannelsAreNeverPublishable() {
        String alice = clientId(ALICE_TOKEN);
        String bob = clientId(BOB_TOKEN);
        var stored = bayeux(null, publish(alice, "/sec-chat", Json.createObjectBuilder().add("text", "hi").build()));
        assertTrue(stored.getBoolean("successful"), stored.toString());
        assertEquals("403:/sec-chat:Forbidden channel", bayeux(null, publish(bob, "/sec-chat", Json.createObjectBuilder().add("text", "x").build())).getString("error"));
        assertEquals("403:/sec-chat:Forbidden channel", bayeux(null, publish(null, "/sec-chat", Json.createObjectBuilder().add("text", "x").build())).getString("error"),
                "an unconnected publish has nobody to authorise");
        for (String channel : new String[] {"/update", "/calendars/sec-a/update", "/broadcast", "/meta/foo"}) {
            var reply = bayeux(null, publish(alice, channel, Json.createObjectBuilder().add("status", "deleted").add("tid", "1").build()));
            assertFalse(reply.getBoolean("successful"), channel);
            assertTrue(reply.getString("error").startsWith("403:" + channel), reply.toString());
        }
    }

    @Test
    void aRealFayeClientWithItsTokenGetsItsCalendarsChangesAndNoOneElses() {
        try (var alice = FayeClient.start("alice"); var carol = FayeClient.start("carol")) {
            var aliceExt = new FayeClient.Options().ext(Json.createObjectBuilder().add("authToken", ALICE_TOKEN).build());
            alice.connect(deploymentUrl + "sync", FayeClient.Transport.WEBSOCKET, aliceExt);
            alice.subscribe("/calendars/sec-a/update");
            carol.connect(deploymentUrl + "sync", FayeClient.Transport.LONG_POLLING,
                    new FayeClient.Options().ext(Json.createObjectBuilder().add("authToken", CAROL_TOKEN).build()));
            assertTrue(carol.trySubscribe("/calendars/sec-a/update").orElseThrow().contains("403"), "carol may not read sec-a");
            carol.subscribe("/calendars/sec-b/update");

            String text = "live " + UUID.randomUUID();
            assertEquals(200, save(A, "Bearer " + ALICE_TOKEN, text, null).statusCode());
            var update = alice.awaitMessage("/calendars/sec-a/update", d -> d.toString().contains(text), Duration.ofSeconds(10));
            assertEquals("inserted", update.dataObject().getString("status"));
            String carols = "carol " + UUID.randomUUID();
            assertEquals(200, save(B, "Bearer " + CAROL_TOKEN, carols, null).statusCode());
            carol.awaitMessage("/calendars/sec-b/update", d -> d.toString().contains(carols), Duration.ofSeconds(10));
            assertTrue(carol.messages().stream().noneMatch(m -> m.toString().contains(text)), "carol never saw sec-a's change");
        }
    }

    @Test
    void aWebSocketFromAForeignOriginIsRefusedAtTheUpgradeAndOneWithoutOrFromAnAllowedOriginWorks() throws Exception {
        var foreign = assertThrows(java.util.concurrent.ExecutionException.class, () -> socket("http://evil.example"));
        var handshake = assertInstanceOf(java.net.http.WebSocketHandshakeException.class, foreign.getCause(), foreign.toString());
        assertEquals(403, handshake.getResponse().statusCode(), "refused before any 101");
        for (String origin : new String[] {null, ALLOWED_ORIGIN}) {
            var socket = socket(origin);
            socket.ws.sendText("[" + handshake(ALICE_TOKEN) + "]", true).get(10, TimeUnit.SECONDS);
            String reply = socket.messages.poll(10, TimeUnit.SECONDS);
            assertNotNull(reply, String.valueOf(origin));
            assertTrue(reply.contains("\"successful\":true"), reply);
            socket.ws.sendClose(1000, "done");
        }
    }

    @Test
    void corsAnswersOnlyAllowedOrigins() {
        var foreign = http().send(http().request("sync", "Origin", "http://evil.example", "Access-Control-Request-Method", "POST")
                .method("OPTIONS", BodyPublishers.noBody()));
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        var allowed = http().send(http().request("sync", "Origin", ALLOWED_ORIGIN, "Access-Control-Request-Method", "POST")
                .method("OPTIONS", BodyPublishers.noBody()));
        assertEquals(ALLOWED_ORIGIN, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    // ---- limits ----

    @Test
    void tooManySubscriptionsTooManyPublishesAndTooLargeABatchAreRefusedAndTheSessionGoesOn() {
        String alice = clientId(ALICE_TOKEN);
        var many = Json.createArrayBuilder();
        for (int i = 0; i <= MAX_SUBSCRIPTIONS; i++) many.add("/sec-chat");
        var tooMany = bayeux(null, Json.createObjectBuilder().add("channel", "/meta/subscribe").add("clientId", alice).add("subscription", many).build());
        assertTrue(tooMany.getString("error").startsWith("429:"), tooMany.toString());
        assertTrue(tooMany.getString("error").contains("Too many subscriptions"));
        assertTrue(subscribe(alice, "/sec-chat").getBoolean("successful"), "the session goes on");

        var burst = Json.createArrayBuilder();
        for (int i = 0; i < 4 * PUBLISHES_PER_SECOND; i++) burst.add(publish(alice, "/sec-chat", Json.createObjectBuilder().add("n", i).build()));
        JsonArray replies = bayeuxBatch(null, burst.build().toString()).readArray();
        long refused = replies.getValuesAs(JsonObject.class).stream().filter(r -> r.getString("error", "").contains("Too many publishes")).count();
        long accepted = replies.getValuesAs(JsonObject.class).stream().filter(r -> r.getBoolean("successful", false)).count();
        assertTrue(refused >= 2L * PUBLISHES_PER_SECOND, replies.toString());
        assertTrue(accepted >= 1 && accepted <= PUBLISHES_PER_SECOND + 1, replies.toString());

        var batch = new StringBuilder("[");
        for (int i = 0; i <= MAX_BATCH; i++) batch.append(i == 0 ? "" : ",").append(Json.createObjectBuilder().add("channel", "/meta/connect").add("clientId", alice).build());
        var response = postSync(null, batch.append("]").toString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("at most " + MAX_BATCH), response.body());
    }

    @Test
    void sessionsPerAddressAreBoundedAndFreedByDisconnecting() {
        var mine = new ArrayList<String>();
        JsonObject refusal = null;
        for (int i = 0; i <= MAX_SESSIONS_PER_ADDRESS && refusal == null; i++) {
            var reply = bayeux(null, handshake(BOB_TOKEN));
            if (reply.getBoolean("successful")) mine.add(reply.getString("clientId")); else refusal = reply;
        }
        assertNotNull(refusal, "a handshake over the limit is refused");
        assertTrue(refusal.getString("error").startsWith("429::Too many sessions"), refusal.toString());
        for (String id : mine) bayeux(null, Json.createObjectBuilder().add("channel", "/meta/disconnect").add("clientId", id).build());
        assertTrue(bayeux(null, handshake(BOB_TOKEN)).getBoolean("successful"), "ended sessions no longer count");
    }

    // ---- RemoteEvents ----

    @Test
    void remoteEventsTakeTheUsersTokenAndItsGrants() throws Exception {
        assertEquals(403, http().get("api/v1?calendar=sec-a", "Remote-Token", "demo-token").statusCode(), "the demo token is off");
        var granted = http().get("api/v1?calendar=sec-a", "Remote-Token", BOB_TOKEN);
        assertEquals(200, granted.statusCode(), granted.body());
        assertEquals(403, http().get("api/v1?calendar=sec-b", "Remote-Token", BOB_TOKEN).statusCode());

        String key = Http.json(granted).getString("key");
        var refused = remoteSocket("?calendar=sec-b&token=" + key + "&ws=1");
        assertEquals(1008, refused.closed.get(10, TimeUnit.SECONDS), "bob's key does not open sec-b");
        var open = remoteSocket("?calendar=sec-a&token=" + key + "&ws=1");
        assertTrue(open.messages.poll(10, TimeUnit.SECONDS).contains("\"start\""));
        open.ws.sendClose(1000, "done");
    }

    // ---- Gantt charts (grant gantt:<name>) ----

    @Test
    void aChartIsLoadedAndSavedOnlyWithItsGrantAndACalendarsGrantIsNotAChartsOne() {
        String chart = "api/gantts/" + GANTT;
        assertEquals(401, http().get(chart).statusCode(), "anonymous");
        assertEquals(200, http().get(chart, "Authorization", "Bearer " + ALICE_TOKEN).statusCode());
        assertEquals(200, http().get(chart, "Authorization", "Bearer " + BOB_TOKEN).statusCode(), "bob reads it");
        var carolLoads = http().get(chart, "Authorization", "Bearer " + CAROL_TOKEN);
        assertEquals(403, carolLoads.statusCode(), carolLoads.body());
        assertEquals(403, http().get(chart + "?format=xml", "Authorization", "Bearer " + CAROL_TOKEN).statusCode());
        assertEquals(403, http().get("api/gantts/sec-a", "Authorization", "Bearer " + ALICE_TOKEN).statusCode(),
                "alice's grant on calendar sec-a is none on chart sec-a");

        String text = "task " + UUID.randomUUID();
        for (String refused : new String[] {BOB_TOKEN, CAROL_TOKEN}) {
            var save = saveTask(refused, text);
            assertEquals(403, save.statusCode(), save.body());
        }
        assertEquals(403, http().send(http().request(chart + "/task/1", "Authorization", "Bearer " + BOB_TOKEN).DELETE()).statusCode());
        assertFalse(http().get(chart, "Authorization", "Bearer " + ALICE_TOKEN).body().contains(text), "nothing was stored");
        var saved = saveTask(ALICE_TOKEN, text);
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("inserted", Http.json(saved).getString("action"), saved.body());
        assertTrue(http().get(chart, "Authorization", "Bearer " + BOB_TOKEN).body().contains(text), "bob reads alice's task");
    }

    @Test
    void aChartsChannelIsSubscribedOnlyWithItsGrantAndNeverPublished() {
        String channel = "/gantts/" + GANTT + "/update";
        assertTrue(subscribe(clientId(BOB_TOKEN), channel).getBoolean("successful"), "a reader may follow it");
        String carol = clientId(CAROL_TOKEN);
        assertEquals("403:" + channel + ":Forbidden channel", subscribe(carol, channel).getString("error"));
        assertEquals("403:/gantts/sec-a/update:Forbidden channel", subscribe(clientId(ALICE_TOKEN), "/gantts/sec-a/update").getString("error"),
                "a calendar's grant is no chart's");
        var published = bayeux(null, publish(clientId(ALICE_TOKEN), channel,
                Json.createObjectBuilder().add("type", "delete-task").add("task", Json.createObjectBuilder().add("id", 1)).build()));
        assertTrue(published.getString("error", "").startsWith("403:" + channel), "server-owned, even for a writer: " + published);
    }

    @Test
    void remoteEventsOpenAChartOnlyWithItsGrant() throws Exception {
        assertEquals(403, http().get("api/v1?gantt=" + GANTT, "Remote-Token", CAROL_TOKEN).statusCode());
        assertEquals(403, http().get("api/v1?gantt=sec-a", "Remote-Token", ALICE_TOKEN).statusCode(), "a calendar's grant is no chart's");
        var granted = http().get("api/v1?gantt=" + GANTT, "Remote-Token", BOB_TOKEN);
        assertEquals(200, granted.statusCode(), granted.body());
        var open = remoteSocket("?gantt=" + GANTT + "&token=" + Http.json(granted).getString("key") + "&ws=1");
        assertTrue(open.messages.poll(10, TimeUnit.SECONDS).contains("\"start\""));
        open.ws.sendClose(1000, "done");

        var carols = http().get("api/v1?calendar=sec-b", "Remote-Token", CAROL_TOKEN);
        assertEquals(200, carols.statusCode(), carols.body());
        var refused = remoteSocket("?gantt=" + GANTT + "&token=" + Http.json(carols).getString("key") + "&ws=1");
        assertEquals(1008, refused.closed.get(10, TimeUnit.SECONDS), "carol's key does not open the chart");
    }

    /** A REST-JSON task insert as alice's or another's page sends it, with its load's CSRF key when it may load. */
    private HttpResponse<String> saveTask(String token, String text) {
        String chart = "api/gantts/" + GANTT;
        var request = http().request(chart + "/task", "Authorization", "Bearer " + token, "Content-Type", Http.JSON);
        var load = http().get(chart, "Authorization", "Bearer " + token);
        if (load.statusCode() == 200) request.header("X-Dhx-Security", Http.json(load).getString("dhx_security"));
        return http().send(request.POST(BodyPublishers.ofString("{\"text\":" + Json.createValue(text)
                + ",\"start_date\":\"01-04-2025 09:00\",\"duration\":1,\"parent\":0}", StandardCharsets.UTF_8)));
    }

    // ---- helpers ----

    private HttpResponse<String> save(String url, String authorization, String text, String origin) {
        var request = http().request(url, "Authorization", authorization, "Content-Type", Http.JSON);
        if (origin != null) request.header("Origin", origin);
        // csrf is on: every save carries its load's key; JSON modes send it in a header (issue 17)
        var load = http().get(url, "Authorization", authorization);
        if (load.statusCode() == 200) request.header("X-Dhx-Security", Http.json(load).getString("dhx_security"));
        return http().send(request.POST(BodyPublishers.ofString("{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"2025-04-01 10:00\",\"text\":"
                + Json.createValue(text) + "}", StandardCharsets.UTF_8)));
    }

    static JsonObject handshake(String token) {
        var message = Json.createObjectBuilder().add("channel", "/meta/handshake").add("version", "1.0")
                .add("supportedConnectionTypes", Json.createArrayBuilder().add("long-polling").add("websocket"));
        if (token != null) message.add("ext", Json.createObjectBuilder().add("authToken", token));
        return message.build();
    }

    static JsonObject publish(String clientId, String channel, JsonObject data) {
        var message = Json.createObjectBuilder().add("channel", channel).add("data", data);
        if (clientId != null) message.add("clientId", clientId);
        return message.build();
    }

    private String clientId(String token) {
        var reply = bayeux(null, handshake(token));
        assertTrue(reply.getBoolean("successful"), reply.toString());
        return reply.getString("clientId");
    }

    private JsonObject subscribe(String clientId, String channel) {
        return bayeux(null, Json.createObjectBuilder().add("channel", "/meta/subscribe").add("clientId", clientId).add("subscription", channel).build());
    }

    /** One message over long-polling; its one reply. */
    private JsonObject bayeux(String authorization, JsonObject message) {
        return bayeuxBatch(authorization, "[" + message + "]").readArray().getJsonObject(0);
    }

    private jakarta.json.JsonReader bayeuxBatch(String authorization, String body) {
        var response = postSync(authorization, body);
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body()));
    }

    private HttpResponse<String> postSync(String authorization, String body) {
        var request = http().request("sync", "Content-Type", Http.JSON);
        if (authorization != null) request.header("Authorization", authorization);
        return http().send(request.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Socket socket(String origin) throws Exception {
        return open(URI.create(deploymentUrl.toString().replaceFirst("^http", "ws") + "sync"), origin);
    }

    private Socket remoteSocket(String query) throws Exception {
        return open(URI.create(deploymentUrl.toString().replaceFirst("^http", "ws") + "api/v1" + query), null);
    }

    private static Socket open(URI uri, String origin) throws Exception {
        var socket = new Socket();
        var builder = WS_CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) builder.header("Origin", origin);
        socket.ws = builder.buildAsync(uri, socket).get(10, TimeUnit.SECONDS);
        return socket;
    }

    /** A raw socket of the test's: what it received, and the socket to send on. */
    static final class Socket extends TextFrames {
        WebSocket ws;
    }
}
