package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.json;
import static io.liveupdate.bayeux.Wire.objects;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SessionLifecycleTest {

    private final Wire wire = new Wire(BayeuxSettings.defaults().withTimeout(10_000).withMaxInterval(5_000));

    private BatchReply connect(String clientId) {
        return wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'long-polling','id':'c'}".formatted(clientId));
    }

    @Test
    void disconnectAnswersTheHeldConnectThenForgetsTheClient() {
        String clientId = wire.subscribed("/foo");
        var held = connect(clientId);

        var reply = wire.one("{'channel':'/meta/disconnect','clientId':'%s','id':'9'}".formatted(clientId));

        assertEquals(json("{'id':'9','clientId':'" + clientId + "','channel':'/meta/disconnect','successful':true}"), reply);
        assertTrue(objects(held.held().join()).get(0).getBoolean("successful"), "Faye answers the parked connect successfully");
        assertEquals("401:" + clientId + ":Unknown client", connect(clientId).held().join().get(0).object().getString("error"));
        assertEquals(0, wire.server.subscriberCount("/foo"));
    }

    @Test
    void disconnectOfAnUnknownClientIs401() {
        assertEquals(json("{'channel':'/meta/disconnect','error':'401:ghost:Unknown client','successful':false}"),
                wire.one("{'channel':'/meta/disconnect','clientId':'ghost'}"));
    }

    @Test
    void aSessionThatStopsConnectingExpiresAfterMaxInterval() {
        String clientId = wire.subscribed("/foo");
        connect(clientId);
        wire.time.advance(10_000);
        wire.time.advance(5_000);
        assertTrue(wire.server.session(clientId).isPresent(), "still within max interval of its last connect reply");
        wire.time.advance(1_001);
        assertTrue(wire.server.session(clientId).isEmpty());
        assertEquals(0, wire.server.subscriberCount("/foo"));
        var reply = objects(connect(clientId).held().join()).get(0);
        assertEquals("handshake", reply.getJsonObject("advice").getString("reconnect"));
    }

    @Test
    void aSessionThatNeverConnectsExpiresToo() {
        String clientId = wire.handshake();
        wire.time.advance(6_001);
        assertTrue(wire.server.session(clientId).isEmpty());
    }

    @Test
    void aSessionThatKeepsConnectingLivesOn() {
        String clientId = wire.handshake();
        for (int cycle = 0; cycle < 20; cycle++) {
            var held = connect(clientId);
            wire.time.advance(10_000);
            assertTrue(held.held().isDone());
            wire.time.advance(4_000);
        }
        assertTrue(wire.server.session(clientId).isPresent());
    }

    @Test
    void stopEndsEverySessionAndAnswersHeldConnects() {
        String clientId = wire.handshake();
        var held = connect(clientId);
        wire.server.stop();
        assertTrue(held.held().isDone());
        var reply = held.held().join().get(0).object();
        assertTrue(reply.getBoolean("successful"));
        assertEquals("handshake", reply.getJsonObject("advice").getString("reconnect"), "come back with a new handshake");
        assertEquals(0, wire.server.sessionCount());
        assertEquals(0, wire.time.pending(), "no timers left behind");
    }

    @Test
    void everyWayASessionEndsTellsTheSessionListenersOnceAndLeavesNoSubscriptionBehind() {
        var ended = new java.util.ArrayList<ServerSession>();
        wire.server.addSessionListener(ended::add);
        String disconnected = wire.subscribed("/a", "/b");
        String expired = wire.subscribed("/a", "/c/*");
        var kept = wire.server.session(expired).orElseThrow();
        String stopped = wire.subscribed("/a");
        connect(stopped); // held: it outlives the other's expiry

        wire.one("{'channel':'/meta/disconnect','clientId':'%s'}".formatted(disconnected));
        wire.time.advance(6_001);
        wire.server.stop();

        assertTrue(wire.server.session(stopped).isEmpty());
        assertEquals(3, ended.size(), ended.toString());
        assertEquals(java.util.Set.of(disconnected, expired, stopped), ended.stream().map(ServerSession::id).collect(java.util.stream.Collectors.toSet()));
        for (ServerSession session : ended) {
            assertTrue(session.isClosed());
            assertTrue(session.subscriptions().isEmpty(), "an ended session keeps no subscription: " + session.subscriptions());
        }
        assertTrue(kept.subscriptions().isEmpty(), "even for whoever still holds the session object");
        for (String channel : new String[] {"/a", "/b", "/c/*"}) assertEquals(0, wire.server.subscriberCount(channel), channel);
    }

    @Test
    void aSessionCutLooseForItsQueueIsEndedForTheListenersToo() {
        var small = new Wire(BayeuxSettings.defaults().withMaxQueue(2).withTimeout(10_000).withMaxInterval(5_000));
        var ended = new java.util.ArrayList<ServerSession>();
        small.server.addSessionListener(ended::add);
        String clientId = small.subscribed("/flood");

        for (int i = 0; i < 3; i++) small.server.publish("/flood", Wire.json("{'n':" + i + "}"));

        assertEquals(1, ended.size());
        assertEquals(clientId, ended.get(0).id());
        assertTrue(ended.get(0).subscriptions().isEmpty());
        assertEquals(0, small.server.subscriberCount("/flood"));
    }
}
