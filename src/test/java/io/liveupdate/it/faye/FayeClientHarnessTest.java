package io.liveupdate.it.faye;

import static io.liveupdate.it.faye.FayeClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveupdate.it.faye.FayeClient.Options;
import io.liveupdate.it.faye.FayeClient.Transport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Faye test harness against a REAL Faye server (npm faye 1.4.3, {@code NodeAdapter}), no
 * container: proves that {@link FayeClient} drives the real client correctly before it is pointed
 * at our server. Plain JUnit (surefire).
 */
class FayeClientHarnessTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    /** Faye: 160 random bits in base 36, 31 characters (bayeux.md 1.10). */
    private static final String FAYE_CLIENT_ID = "[0-9a-z]{31}";

    private static StockFayeServer server;

    @BeforeAll
    static void startServer() {
        server = StockFayeServer.start(Duration.ofSeconds(30));
        System.out.printf("[faye harness] stock Faye server on port %d, up after %d ms%n", server.port(), server.startupMillis());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void websocketAndLongPollingClientsReceiveEachOthersMessages() {
        try (FayeClient ws = FayeClient.start("ws"); FayeClient lp = FayeClient.start("lp")) {
            String wsId = ws.connect(server.url(), Transport.WEBSOCKET);
            String lpId = lp.connect(server.url(), Transport.LONG_POLLING);
            System.out.printf("[faye harness] node start %d ms / %d ms, handshake %d ms (websocket) / %d ms (long-polling)%n",
                    ws.startupMillis(), lp.startupMillis(), ws.connectMillis(), lp.connectMillis());

            assertTrue(wsId.matches(FAYE_CLIENT_ID), wsId);
            assertTrue(lpId.matches(FAYE_CLIENT_ID), lpId);
            assertNotEquals(wsId, lpId);
            assertEquals(wsId, ws.clientId());
            assertEquals(lpId, lp.clientId());

            ws.subscribe("/chat");
            lp.subscribe("/chat");
            long sent = System.currentTimeMillis();
            assertEquals(Optional.empty(), ws.publish("/chat", data("from", "ws", "n", 1)));
            assertEquals(Optional.empty(), lp.publish("/chat", data("from", "lp", "n", 2)));

            for (FayeClient receiver : List.of(ws, lp)) {
                FayeEvent fromWs = receiver.awaitMessage("/chat", d -> "ws".equals(d.getString("from", null)), WITHIN);
                FayeEvent fromLp = receiver.awaitMessage("/chat", d -> "lp".equals(d.getString("from", null)), WITHIN);
                assertEquals(1, fromWs.dataObject().getInt("n"));
                assertEquals(2, fromLp.dataObject().getInt("n"));
                assertEquals("/chat", fromWs.subscription());
                assertTrue(fromWs.receivedAt() >= sent - 1000 && fromLp.receivedAt() >= sent - 1000, "receivedAt is Date.now() in ms");
            }
            assertEquals(2, ws.messages().size(), () -> "each message exactly once: " + ws.messages());
            assertEquals(2, lp.messages().size(), () -> "each message exactly once: " + lp.messages());
            assertTrue(ws.events().stream().anyMatch(e -> e.is("transport:up")), "transport:up reported");
        }
    }

    @Test
    void refusedPublishAndSubscribeReportFayesErrorStrings() {
        try (FayeClient client = FayeClient.start("errors")) {
            client.connect(server.url(), Transport.LONG_POLLING);

            assertEquals(Optional.of("403:/meta/foo:Forbidden channel"), client.publish("/meta/foo", data("x", 1)));
            assertEquals(Optional.of("405:/not valid:Invalid channel"), client.trySubscribe("/not valid"));
            assertEquals(Optional.of("403:/meta/**:Forbidden channel"), client.trySubscribe("/meta/**"));
            AssertionError refused = assertThrows(AssertionError.class, () -> client.subscribe("/a/*/b"));
            assertTrue(refused.getMessage().contains("405:/a/*/b:Invalid channel"), refused.getMessage());

            // Still usable after the refusals.
            client.subscribe("/ok");
            assertEquals(Optional.empty(), client.publish("/ok", data("after", "errors")));
            client.awaitMessage("/ok", d -> d.containsKey("after"), WITHIN);
        }
    }

    @Test
    void browserTransportsWorkThroughFayesOwnJsonpAndCorsCode() {
        try (FayeClient jsonp = FayeClient.start("jsonp"); FayeClient cors = FayeClient.start("cors")) {
            jsonp.connect(server.url(), Transport.CALLBACK_POLLING);
            cors.connect(server.url(), Transport.CROSS_ORIGIN_LONG_POLLING, new Options().origin("http://app.example:3000"));
            jsonp.subscribe("/chat/**");
            cors.subscribe("/chat/*");

            assertEquals(Optional.empty(), jsonp.publish("/chat/room1", data("from", "jsonp")));
            assertEquals(Optional.empty(), cors.publish("/chat/room1", data("from", "cors")));

            for (FayeClient receiver : List.of(jsonp, cors)) {
                FayeEvent event = receiver.awaitMessage("/chat/room1", d -> "jsonp".equals(d.getString("from")), WITHIN);
                receiver.awaitMessage("/chat/room1", d -> "cors".equals(d.getString("from")), WITHIN);
                assertTrue(event.subscription().startsWith("/chat/"), "wildcard subscription reported with the concrete channel");
            }
            assertTrue(cors.events().stream().noneMatch(e -> e.is("cors-rejected")), () -> "CORS accepted: " + cors.events());
        }
    }

    @Test
    void extensionAddsExtToEveryMessageAndMetaRepliesAreTraced() {
        JsonObject ext = Json.createObjectBuilder().add("token", "t-123").build();
        try (FayeClient client = FayeClient.start("trace")) {
            String clientId = client.connect(server.url(), Transport.WEBSOCKET, new Options().ext(ext).traceMeta().traceOutgoing());
            client.subscribe("/traced");
            assertEquals(Optional.empty(), client.publish("/traced", data("k", "v")));
            client.awaitMessage("/traced", WITHIN);

            List<FayeEvent> out = client.events().stream().filter(e -> e.is("out")).toList();
            Set<String> channels = out.stream().map(e -> e.message().getString("channel")).collect(Collectors.toSet());
            assertTrue(channels.containsAll(Set.of("/meta/handshake", "/meta/connect", "/meta/subscribe", "/traced")), channels::toString);
            assertTrue(out.stream().allMatch(e -> ext.equals(e.message().getJsonObject("ext"))), () -> "ext on every outgoing message: " + out);

            FayeEvent handshake = client.awaitEvent(e -> e.is("meta") && "/meta/handshake".equals(e.message().getString("channel")), WITHIN, "the traced handshake reply");
            assertEquals(clientId, handshake.message().getString("clientId"));
            assertTrue(handshake.message().getBoolean("successful"));
            FayeEvent subscribeReply = client.awaitEvent(e -> e.is("meta") && "/meta/subscribe".equals(e.message().getString("channel")), WITHIN, "the traced subscribe reply");
            assertEquals("/traced", subscribeReply.message().getString("subscription"));
        }
    }

    @Test
    void unsubscribedClientNoLongerReceives() {
        try (FayeClient a = FayeClient.start("unsub-a"); FayeClient b = FayeClient.start("unsub-b")) {
            a.connect(server.url(), Transport.WEBSOCKET);
            b.connect(server.url(), Transport.LONG_POLLING);
            a.subscribe("/news");
            b.subscribe("/news");
            a.unsubscribe("/news");

            assertEquals(Optional.empty(), b.publish("/news", data("n", 1)));
            b.awaitMessage("/news", d -> d.getInt("n") == 1, WITHIN);
            // b has it, so the server has routed it; a must not get it.
            a.assertNoMessage("/news", d -> true, Duration.ofMillis(300));
            AssertionError failed = assertThrows(AssertionError.class, () -> b.assertNoMessage("/news", d -> true, Duration.ofMillis(10)));
            assertTrue(failed.getMessage().contains("unexpected message on /news"), failed.getMessage());
        }
    }

    @Test
    void badInputIsReportedAndTheClientKeepsWorkingAndCloseKillsIt() {
        FayeClient client = FayeClient.start("bad-input");
        long pid;
        try {
            pid = client.pid();
            client.send(Json.createObjectBuilder().add("cmd", "no-such-command").add("ref", "x1").build());
            client.send(Json.createObjectBuilder().add("cmd", "subscribe").add("ref", "x2").add("channel", "/before-connect").build());
            client.send(Json.createObjectBuilder().add("nothing", true).build());
            client.awaitEvent(e -> e.is("error") && "x1".equals(e.ref()), WITHIN, "the unknown-command error");
            FayeEvent notConnected = client.awaitEvent(e -> e.is("error") && "x2".equals(e.ref()), WITHIN, "the not-connected error");
            assertTrue(notConnected.json().getString("message").contains("not connected"), notConnected::toString);
            client.awaitEvent(e -> e.is("error") && e.json().getString("message").contains("\"cmd\""), WITHIN, "the missing-cmd error");
            client.send(Json.createObjectBuilder().add("cmd", "connect").add("ref", "x3").add("url", server.url()).add("transport", "carrier-pigeon").build());
            FayeEvent badTransport = client.awaitEvent(e -> e.is("error") && "x3".equals(e.ref()), WITHIN, "the unknown-transport error");
            assertTrue(badTransport.json().getString("message").contains("unknown transport"), badTransport::toString);

            client.connect(server.url(), Transport.LONG_POLLING);
            client.subscribe("/still-alive");
            assertEquals(Optional.empty(), client.publish("/still-alive", data("ok", true)));
            client.awaitMessage("/still-alive", d -> d.getBoolean("ok"), WITHIN);
        } finally {
            client.close();
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "node process gone after close()");
    }

    @Test
    void serverRestartShowsUnknownClientThenRehandshakeAndResubscribe() {
        StockFayeServer first = StockFayeServer.start(Duration.ofSeconds(30));
        int port = first.port();
        try (FayeClient client = FayeClient.start("restart"); FayeClient other = FayeClient.start("restart-publisher")) {
            String oldId = client.connect(first.url(), Transport.LONG_POLLING, new Options().traceMeta().retry(0.5));
            client.subscribe("/after-restart");
            int before = client.events().size();

            first.close();
            try (StockFayeServer second = StockFayeServer.start(Duration.ofSeconds(30), port)) {
                FayeEvent unknown = client.awaitEvent(before, e -> e.is("connect-failed"), WITHIN, "the connect refusal after the restart");
                assertEquals("401:" + oldId + ":Unknown client", unknown.error());
                assertEquals("handshake", unknown.json().getJsonObject("advice").getString("reconnect"));
                FayeEvent rehandshake = client.awaitEvent(before, e -> e.is("handshake"), WITHIN, "the re-handshake");
                assertNotEquals(oldId, rehandshake.clientId());
                assertEquals(rehandshake.clientId(), client.clientId());
                // Faye re-subscribes by itself after a re-handshake.
                client.awaitEvent(before, e -> e.is("meta") && "/meta/subscribe".equals(e.message().getString("channel"))
                        && e.message().getBoolean("successful", false), WITHIN, "the automatic re-subscribe");

                other.connect(second.url(), Transport.WEBSOCKET);
                assertEquals(Optional.empty(), other.publish("/after-restart", data("n", 7)));
                client.awaitMessage("/after-restart", d -> d.getInt("n") == 7, WITHIN);
            }
        } finally {
            first.close();
        }
    }

    @Test
    void connectingToNothingFailsWithinTheTimeoutAndSaysWhatHappened() {
        StockFayeServer gone = StockFayeServer.start(Duration.ofSeconds(30));
        String url = gone.url();
        gone.close();
        try (FayeClient client = FayeClient.start("nothing-there").withTimeout(Duration.ofMillis(1500))) {
            AssertionError failed = assertThrows(AssertionError.class, () -> client.connect(url, Transport.LONG_POLLING, new Options().retry(0.2)));
            assertTrue(failed.getMessage().contains("no outcome of connect to " + url + " within 1500 ms"), failed.getMessage());
            assertTrue(failed.getMessage().contains("transport:down"), failed.getMessage());
        }
    }
}
