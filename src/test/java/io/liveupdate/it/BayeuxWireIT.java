package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.security.RawUpgrade;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Literal Bayeux messages against /sync, asserting the exact replies and Faye's error strings. */
class BayeuxWireIT extends Deployed {

    private JsonArray post(String body) {
        HttpResponse<String> response = http().post("sync", Http.JSON, body);
        assertEquals(200, response.statusCode(), response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    private String handshake() {
        var reply = post("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"],\"id\":\"1\"}]")
                .getJsonObject(0);
        assertTrue(reply.getBoolean("successful"), reply.toString());
        assertEquals("1", reply.getString("id"));
        assertEquals("retry", reply.getJsonObject("advice").getString("reconnect"));
        return reply.getString("clientId");
    }

    @Test
    void handshakeAnswersAClientIdAdviceAndTheConnectionTypes() {
        var reply = post("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"websocket\",\"long-polling\"],\"id\":\"7\"}]")
                .getJsonObject(0);
        assertTrue(reply.getBoolean("successful"));
        assertTrue(reply.getString("clientId").length() >= 22, "at least 128 random bits");
        assertTrue(reply.getJsonArray("supportedConnectionTypes").toString().contains("long-polling"));
        assertTrue(reply.getJsonObject("advice").containsKey("timeout"));
    }

    @Test
    void unknownClientIsTold401WithReconnectHandshake() {
        var reply = post("[{\"channel\":\"/meta/connect\",\"clientId\":\"nosuchclient\",\"connectionType\":\"long-polling\",\"id\":\"2\"}]")
                .getJsonObject(0);
        assertFalse(reply.getBoolean("successful"));
        assertEquals("401:nosuchclient:Unknown client", reply.getString("error"));
        assertEquals("handshake", reply.getJsonObject("advice").getString("reconnect"));
    }

    @Test
    void subscribeErrorsUseFayesStrings() {
        String id = handshake();
        var missing = post("[{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + id + "\",\"id\":\"3\"}]").getJsonObject(0);
        assertEquals("402:subscription:Missing required parameter", missing.getString("error"));
        var invalid = post("[{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + id + "\",\"subscription\":\"/not valid\",\"id\":\"4\"}]").getJsonObject(0);
        assertEquals("405:/not valid:Invalid channel", invalid.getString("error"));
        var meta = post("[{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + id + "\",\"subscription\":\"/meta/**\",\"id\":\"5\"}]").getJsonObject(0);
        assertEquals("403:/meta/**:Forbidden channel", meta.getString("error"));
        var lookalike = post("[{\"channel\":\"/meta/handshake/x\",\"clientId\":\"" + id + "\",\"id\":\"6\"}]").getJsonObject(0);
        assertFalse(lookalike.getBoolean("successful"), "meta channel names match exactly: " + lookalike);
    }

    @Test
    void aPublishIsAcknowledgedAndItsDeliveryCarriesNoSuccessfulField() {
        String id = handshake();
        post("[{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + id + "\",\"subscription\":\"/wire/test\",\"id\":\"3\"}]");
        var ack = post("[{\"channel\":\"/wire/test\",\"clientId\":\"" + id + "\",\"data\":{\"n\":1},\"id\":\"4\"}]").getJsonObject(0);
        assertEquals(Json.createObjectBuilder().add("id", "4").add("channel", "/wire/test").add("successful", true).build(),
                Json.createObjectBuilder(ack).remove("clientId").build());

        var replies = post("[{\"channel\":\"/meta/connect\",\"clientId\":\"" + id + "\",\"connectionType\":\"long-polling\",\"id\":\"5\"}]");
        JsonObject delivery = replies.getValuesAs(JsonObject.class).stream()
                .filter(m -> "/wire/test".equals(m.getString("channel"))).findFirst().orElseThrow();
        assertEquals(1, delivery.getJsonObject("data").getInt("n"));
        assertFalse(delivery.containsKey("successful"));
        assertFalse(delivery.containsKey("clientId"));
        assertTrue(replies.getValuesAs(JsonObject.class).stream()
                .anyMatch(m -> "/meta/connect".equals(m.getString("channel")) && m.getBoolean("successful") && m.containsKey("advice")));
    }

    // JSONP working when enabled, and a listed foreign origin: it/security/SafeDefaultsIT (a WAR that opts in).
    @Test
    void jsonpCallbackPollingIsOffByDefaultRefusedWithAClearErrorAndNotAdvertised() {
        String message = TestCalendar.enc("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"callback-polling\"],\"id\":\"1\"}]");
        var response = http().get("sync?message=" + message + "&jsonp=__jsonp1__");
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), "not a script");
        assertFalse(response.body().contains("__jsonp1__"), response.body());
        assertTrue(response.body().contains("liveupdate.bayeux.jsonp"), response.body());

        var handshake = post("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"callback-polling\"],\"id\":\"1\"}]")
                .getJsonObject(0);
        assertFalse(handshake.getBoolean("successful"), "a client that offers only callback-polling gets no session");
        assertFalse(handshake.getJsonArray("supportedConnectionTypes").toString().contains("callback-polling"), handshake.toString());
    }

    @Test
    void aForeignOriginGetsNoCorsHeadersOnAPreflightOrACredentialedPost() {
        var preflight = http().send(http().request("sync", "Origin", "http://evil.example", "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "content-type,pragma")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), preflight.headers().toString());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), preflight.headers().toString());

        // What Faye's CORS transport sends (withCredentials): the browser would keep the answer from the page.
        String body = "message=" + TestCalendar.enc("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"cross-origin-long-polling\"],\"id\":\"1\"}]");
        var response = http().send(http().request("sync", "Origin", "http://evil.example", "Content-Type", "text/plain;charset=UTF-8",
                        "Cookie", "JSESSIONID=victim")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), response.headers().toString());
        assertTrue(response.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), response.headers().toString());

        var sameOrigin = http().send(http().request("sync", "Origin", RawUpgrade.ownOrigin(deploymentUrl),
                        "Access-Control-Request-Method", "POST")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(RawUpgrade.ownOrigin(deploymentUrl),
                sameOrigin.headers().firstValue("Access-Control-Allow-Origin").orElse(""), "the server's own pages");
    }

    @Test
    void aWebSocketUpgradeFromAForeignOriginGetsNo101AndOneFromTheServersOwnPagesDoes() throws Exception {
        String foreign = RawUpgrade.statusLine(deploymentUrl, "sync", "http://evil.example");
        assertTrue(foreign.startsWith("HTTP/1.1 403"), foreign);
        assertTrue(RawUpgrade.statusLine(deploymentUrl, "sync", RawUpgrade.ownOrigin(deploymentUrl))
                .startsWith("HTTP/1.1 101"), "same origin");
        assertTrue(RawUpgrade.statusLine(deploymentUrl, "sync", null).startsWith("HTTP/1.1 101"), "no Origin: not a browser");
    }

    @Test
    void malformedPayloadsGet400AndTheServerKeepsServing() {
        assertEquals(400, http().post("sync", Http.JSON, "[{\"channel\":").statusCode());
        assertEquals(400, http().post("sync", Http.JSON, "[1,2]").statusCode());
        assertEquals(400, http().post("sync", Http.FORM, "nothing=here").statusCode());
        handshake();
    }

    @Test
    void theFayeBrowserClientIsServedAtSyncJs() {
        for (String path : new String[] {"sync.js", "sync/client.js"}) {
            var response = http().get(path);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("javascript"));
            assertTrue(response.body().contains("Faye"), path);
        }
    }

    @Test
    void aHandshakeOverWebSocketIsAccepted() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        var uri = URI.create(deploymentUrl.toString().replaceFirst("^http", "ws") + "sync");
        Session socket = ContainerProvider.getWebSocketContainer().connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) frames::add);
            }
        }, ClientEndpointConfig.Builder.create().build(), uri);
        try (socket) {
            socket.getBasicRemote().sendText("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"websocket\"],\"id\":\"1\"}]");
            var reply = Json.createReader(new StringReader(frames.poll(5, TimeUnit.SECONDS))).readArray().getJsonObject(0);
            assertTrue(reply.getBoolean("successful"));
            String id = reply.getString("clientId");
            socket.getBasicRemote().sendText("[{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + id + "\",\"subscription\":\"/ws/direct\",\"id\":\"2\"},"
                    + "{\"channel\":\"/meta/connect\",\"clientId\":\"" + id + "\",\"connectionType\":\"websocket\",\"id\":\"3\"}]");
            assertTrue(frames.poll(5, TimeUnit.SECONDS).contains("\"subscription\":\"/ws/direct\""));
            socket.getBasicRemote().sendText("[{\"channel\":\"/ws/direct\",\"clientId\":\"" + id + "\",\"data\":{\"hello\":\"ws\"},\"id\":\"4\"}]");
            String seen = "";
            for (int i = 0; i < 4 && !seen.contains("\"hello\":\"ws\""); i++) seen += frames.poll(5, TimeUnit.SECONDS);
            assertTrue(seen.contains("\"hello\":\"ws\""), seen);
            socket.getBasicRemote().sendText("this is not json");
            // the publish's ack may still be queued ahead of the answer (it and the delivery race to the socket)
            String answer = "";
            for (int i = 0; i < 3 && !answer.contains("400::"); i++) answer += frames.poll(5, TimeUnit.SECONDS);
            assertTrue(answer.contains("400::Bad request"), answer);
            assertTrue(socket.isOpen(), "bad input does not cost the session");
        }
    }

    @Test
    void aClientWhoseSessionTheServerForgotReHandshakesAndKeepsReceiving() {
        try (var client = FayeClient.start("forgotten")) {
            String first = client.connect(deploymentUrl + "sync", FayeClient.Transport.LONG_POLLING, new FayeClient.Options().traceMeta());
            client.subscribe("/reborn");
            int mark = client.events().size();
            // Someone ends the session behind the client's back (the server would after expiry or a restart).
            post("[{\"channel\":\"/meta/disconnect\",\"clientId\":\"" + first + "\",\"id\":\"9\"}]");

            try (var publisher = FayeClient.start("publisher")) {
                publisher.connect(deploymentUrl + "sync", FayeClient.Transport.WEBSOCKET);
                var rejected = client.awaitEvent(e -> e.is("meta") && e.message().getString("error", "").startsWith("401:" + first),
                        Duration.ofSeconds(40), "the server's 401 for the forgotten session");
                assertEquals("handshake", rejected.message().getJsonObject("advice").getString("reconnect"));
                client.awaitEvent(mark, e -> e.is("meta") && "/meta/subscribe".equals(e.message().getString("channel", ""))
                        && e.message().getBoolean("successful", false) && !first.equals(e.message().getString("clientId", "")), Duration.ofSeconds(20), "Faye's own re-subscribe");
                publisher.publish("/reborn", FayeClient.data("after", "rehandshake"));
                client.awaitMessage("/reborn", d -> "rehandshake".equals(d.getString("after", "")), Duration.ofSeconds(5));
                assertNotEquals(first, client.clientId());
            }
        }
    }
}
