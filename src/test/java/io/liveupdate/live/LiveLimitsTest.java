package io.liveupdate.live;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.BayeuxSettings;
import io.liveupdate.bayeux.Connection;
import io.liveupdate.bayeux.FrozenMessage;
import io.liveupdate.bayeux.Scheduler;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LiveLimits} on a real Bayeux core: what is counted, what is refused, and that an ended session is forgotten. */
class LiveLimitsTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final BayeuxServer server = new BayeuxServer(BayeuxSettings.defaults(), Scheduler.of(timers));
    private final AtomicLong nanos = new AtomicLong();
    private final LiveLimits limits = new LiveLimits(new LiveLimits.Limits(2, 3, 2, 5, 1000), server::session, nanos::get);

    LiveLimitsTest() {
        server.addExtension(limits);
        server.addHandshakeListener(limits);
        server.addSessionListener(limits);
        server.addSubscriptionListener(limits);
    }

    @AfterEach
    void stop() {
        server.stop();
        timers.shutdownNow();
    }

    private JsonObject send(String address, String message) {
        Map<String, Object> attributes = address == null ? Map.of() : Map.of(Connection.ADDRESS, address);
        try (var reader = Json.createReader(new StringReader(message.replace('\'', '"')))) {
            var reply = server.handle(List.of(reader.readObject()), Connection.polling(attributes));
            return reply.immediate().stream().map(FrozenMessage::object).findFirst().orElseThrow();
        }
    }

    private JsonObject handshake(String address) {
        return send(address, "{'channel':'/meta/handshake','version':'1.0','supportedConnectionTypes':['long-polling']}");
    }

    private String clientId(String address) {
        var reply = handshake(address);
        assertTrue(reply.getBoolean("successful"), reply.toString());
        return reply.getString("clientId");
    }

    private JsonObject subscribe(String clientId, String subscription) {
        return send(null, "{'channel':'/meta/subscribe','clientId':'%s','subscription':%s}".formatted(clientId, subscription));
    }

    private void disconnect(String clientId) {
        assertTrue(send(null, "{'channel':'/meta/disconnect','clientId':'%s'}".formatted(clientId)).getBoolean("successful"));
    }

    @Test
    void anAddressGetsItsSessionsBackWhenTheyEndNotOnlyWhenItHandshakesAgain() {
        String first = clientId("10.0.0.1");
        clientId("10.0.0.1");
        assertEquals("429::Too many sessions from this address, at most 2", handshake("10.0.0.1").getString("error"));
        assertEquals(2, limits.sessionsFrom("10.0.0.1"));

        disconnect(first);

        assertEquals(1, limits.sessionsFrom("10.0.0.1"), "forgotten as it ended");
        assertTrue(handshake("10.0.0.1").getBoolean("successful"));
    }

    @Test
    void theServerHoldsAtMostItsTotalOfSessionsWhateverTheAddresses() {
        clientId("10.0.0.1");
        clientId("10.0.0.2");
        String third = clientId(null); // a transport that tells no address is still counted in all
        assertEquals("429::Too many sessions on this server, at most 3", handshake("10.0.0.4").getString("error"));
        disconnect(third);
        assertEquals(2, limits.sessionCount());
        assertTrue(handshake("10.0.0.4").getBoolean("successful"));
    }

    @Test
    void anEndedSessionsSubscriptionsNoLongerCountAgainstTheTotal() {
        String a = clientId("10.0.0.1");
        String b = clientId("10.0.0.2");
        assertTrue(subscribe(a, "['/a','/b']").getBoolean("successful"));
        assertTrue(subscribe(b, "['/a','/b']").getBoolean("successful"));
        String c = clientId("10.0.0.3");
        assertTrue(subscribe(c, "'/c'").getBoolean("successful"));
        assertEquals(5, limits.subscriptionCount());
        assertEquals("429:/d:Too many subscriptions on this server, at most 5", subscribe(c, "'/d'").getString("error"));
        assertEquals("429::Too many subscriptions, at most 2 per session", subscribe(c, "['/d','/e']").getString("error"));

        disconnect(a);
        assertTrue(send(null, "{'channel':'/meta/unsubscribe','clientId':'%s','subscription':'/a'}".formatted(b)).getBoolean("successful"));

        assertEquals(2, limits.subscriptionCount());
        assertTrue(subscribe(c, "'/d'").getBoolean("successful"));
        assertEquals(3, limits.subscriptionCount());
    }

    @Test
    void newSubscriptionsPerSecondAreBoundedHoweverTheyAreBatched() {
        String churner = clientId("10.0.0.1");
        // Unsubscribing and subscribing again makes a new subscription each time, and each a snapshot query.
        int accepted = 0;
        String refusal = null;
        for (int i = 0; i < 20 && refusal == null; i++) {
            var reply = subscribe(churner, "'/storage'");
            if (reply.getBoolean("successful")) accepted++; else refusal = reply.getString("error");
            send(null, "{'channel':'/meta/unsubscribe','clientId':'%s','subscription':'/storage'}".formatted(churner));
        }
        assertEquals("429:/storage:Too many new subscriptions, at most 2 per second", refusal);
        assertEquals(2, accepted, "a burst of one second's worth, then refused");
        nanos.addAndGet(1_000_000_000L);
        assertTrue(subscribe(churner, "'/storage'").getBoolean("successful"), "a second later it may again");
        for (int i = 0; i < 5; i++) {
            assertTrue(subscribe(churner, "'/storage'").getBoolean("successful"), "repeating a subscription it has costs nothing");
        }
        assertEquals("403:/meta/**:Forbidden channel", subscribe(churner, "'/meta/**'").getString("error"));
        assertTrue(subscribe(churner, "'/other'").getBoolean("successful"), "nor does a refused one");
    }

    @Test
    void oneBatchOfSubscribeAndUnsubscribeChurnMakesAtMostOneSecondsWorthOfNewSubscriptions() {
        var snapshots = new java.util.concurrent.atomic.AtomicInteger();
        server.addSubscriptionListener((session, channel) -> snapshots.incrementAndGet()); // as a storage snapshot would
        String churner = clientId("10.0.0.1");
        var batch = new java.util.ArrayList<JsonObject>();
        for (int i = 0; i < 500; i++) {
            for (String channel : new String[] {"/meta/subscribe", "/meta/unsubscribe"}) {
                batch.add(Json.createObjectBuilder().add("channel", channel).add("clientId", churner).add("subscription", "/storage").build());
            }
        }

        var replies = server.handle(batch, Connection.polling(Map.of())).immediate().stream().map(FrozenMessage::object).toList();

        assertEquals(2, snapshots.get(), "the per-session rate, not one per message");
        assertEquals(498, replies.stream().filter(r -> r.getString("error", "").startsWith("429:/storage:Too many new subscriptions")).count());
    }

    @Test
    void aPublishMustNameALiveSession() {
        assertEquals("402:clientId:Missing required parameter", send(null, "{'channel':'/chat','data':{}}").getString("error"));
        assertEquals("401:ghost:Unknown client", send(null, "{'channel':'/chat','clientId':'ghost','data':{}}").getString("error"));
        String clientId = clientId("10.0.0.1");
        assertTrue(send(null, "{'channel':'/chat','clientId':'%s','data':{}}".formatted(clientId)).getBoolean("successful"));
    }
}
