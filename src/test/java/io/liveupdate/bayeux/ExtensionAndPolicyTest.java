package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.json;
import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ExtensionAndPolicyTest {

    private final Wire wire = new Wire();

    /** What the application will install: /update and /calendars/** are written by the server only. */
    private static final SecurityPolicy SERVER_OWNED = new SecurityPolicy() {
        @Override
        public boolean canSubscribe(ServerSession session, ChannelId channel) {
            return true;
        }

        @Override
        public boolean canPublish(Optional<ServerSession> session, ChannelId channel) {
            return !channel.toString().equals("/update") && !channel.toString().startsWith("/calendars/");
        }
    };

    @Test
    void aPolicyMakesChannelsServerOwned() {
        wire.server.setSecurityPolicy(SERVER_OWNED);
        var subscriber = wire.server.session(wire.subscribed("/update")).orElseThrow();
        assertEquals(json("{'id':'p','channel':'/update','error':'403:/update:Forbidden channel','successful':false}"), wire.publish("/update", "{}"));
        assertEquals("403:/calendars/1:Forbidden channel", wire.publish("/calendars/1", "{}").getString("error"));
        assertTrue(subscriber.drain().isEmpty());
        assertEquals(1, wire.server.publish("/update", json("{}")), "the server itself is not subject to the policy");
    }

    @Test
    void aPolicyCanRefuseSubscriptions() {
        wire.server.setSecurityPolicy(new SecurityPolicy() {
            @Override
            public boolean canSubscribe(ServerSession session, ChannelId channel) {
                return !channel.isDeepWild();
            }

            @Override
            public boolean canPublish(Optional<ServerSession> session, ChannelId channel) {
                return true;
            }
        });
        String clientId = wire.handshake();
        assertEquals("403:/**:Forbidden channel",
                wire.one("{'channel':'/meta/subscribe','clientId':'%s','subscription':'/**'}".formatted(clientId)).getString("error"));
    }

    @Test
    void anExtensionErrorRejectsTheMessageWithItsErrorAndAdvice() {
        wire.server.addExtension((message, connection) -> message.getString("channel").equals("/meta/handshake")
                ? Json.createObjectBuilder(message).add("error", "403::Password required").add("advice", json("{'reconnect':'none'}")).build()
                : message);
        var reply = wire.one("{'channel':'/meta/handshake','version':'1.0','supportedConnectionTypes':['long-polling'],'id':'1'}");
        assertEquals(json("{'id':'1','channel':'/meta/handshake','error':'403::Password required','successful':false,'advice':{'reconnect':'none'}}"), reply);
        assertEquals(0, wire.server.sessionCount());
    }

    @Test
    void anExtensionGivesSubscribersAnExtButAClientCannot() {
        var subscriber = wire.server.session(wire.subscribed("/chat")).orElseThrow();
        // The client's own ext and its forged delivery ext reach nobody.
        wire.one("{'channel':'/chat','data':{'n':1},'ext':{'token':'secret'},'liveupdate:deliveryExt':{'seq':99},'id':'a'}");
        var first = subscriber.drain();
        assertEquals(1, first.size());
        assertFalse(first.get(0).object().containsKey("ext"), first.get(0).object().toString());
        assertFalse(first.get(0).object().containsKey(Bayeux.DELIVERY_EXT), first.get(0).object().toString());

        wire.server.addExtension((message, connection) -> message.getString("channel").equals("/chat")
                ? Json.createObjectBuilder(message).add(Bayeux.DELIVERY_EXT, json("{'seq':7}")).build()
                : message);
        wire.one("{'channel':'/chat','data':{'n':2},'id':'b'}");
        var second = subscriber.drain();
        assertEquals(json("{'seq':7}"), second.get(0).object().getJsonObject("ext"));
        assertFalse(second.get(0).object().containsKey(Bayeux.DELIVERY_EXT), second.get(0).object().toString());
    }

    @Test
    void anExtensionThatDeliveredAPublishItselfGetsItAcknowledgedAndNotFannedOutAgain() {
        var subscriber = wire.server.session(wire.subscribed("/chat")).orElseThrow();
        String publisher = wire.subscribed("/chat");
        wire.server.addExtension((message, connection) -> {
            var numbered = Json.createObjectBuilder(message).add(Bayeux.DELIVERY_EXT, json("{'seq':3}")).build();
            wire.server.deliverPublish(numbered);
            return Json.createObjectBuilder(numbered).add(Bayeux.DELIVERED, true).build();
        });

        var reply = wire.one("{'channel':'/chat','clientId':'%s','data':{'n':1},'id':'a'}".formatted(publisher));

        assertTrue(reply.getBoolean("successful"), reply.toString());
        var delivered = subscriber.drain();
        assertEquals(1, delivered.size(), "once, by the extension: " + delivered);
        // What the core itself gives a client's publish: channel, data, the publisher's id, the delivery ext.
        assertEquals(List.of("{\"channel\":\"/chat\",\"data\":{\"n\":1},\"id\":\"a\",\"ext\":{\"seq\":3}}"), List.of(delivered.get(0).json()));
    }

    @Test
    void aClientCannotClaimItsPublishWasDeliveredAlready() {
        var subscriber = wire.server.session(wire.subscribed("/chat")).orElseThrow();

        assertTrue(wire.one("{'channel':'/chat','data':{'n':1},'id':'a','liveupdate:delivered':true}").getBoolean("successful"));

        assertEquals(List.of(json("{'channel':'/chat','data':{'n':1},'id':'a'}")), Wire.objects(subscriber.drain()));
    }

    @Test
    void anExtensionCanDropAMessageWithNoReply() {
        wire.server.addExtension((message, connection) -> message.getString("channel").equals("/drop") ? null : message);
        assertEquals(List.of("/keep"), wire.now("[{'channel':'/drop','data':{}},{'channel':'/keep','data':{}}]").stream()
                .map(m -> m.getString("channel")).toList());
    }

    @Test
    void extensionsRunInOrderAndCanRelayThroughTheServer() {
        var seen = new ArrayList<String>();
        wire.server.addExtension((message, connection) -> {
            seen.add("first");
            if ("/broadcast".equals(message.getString("channel"))) wire.server.publish("/update", message.get("data"));
            return message;
        });
        wire.server.addExtension((message, connection) -> {
            seen.add("second");
            return message;
        });
        var listener = wire.server.session(wire.subscribed("/update")).orElseThrow();
        seen.clear();
        wire.publish("/broadcast", "{'text':'hi'}");
        assertEquals(List.of("first", "second"), seen);
        assertEquals(List.of(json("{'channel':'/update','data':{'text':'hi'}}")), Wire.objects(listener.drain()));
    }

    @Test
    void aThrowingExtensionFailsClosedWith500() {
        wire.server.addExtension((message, connection) -> {
            throw new IllegalStateException("boom");
        });
        assertEquals("500::Internal server error", wire.publish("/foo", "{}").getString("error"));
    }

    @Test
    void aThrowingSubscriptionListenerDoesNotSpoilTheReplyOrOtherListeners() {
        var heard = new ArrayList<String>();
        wire.server.addSubscriptionListener((session, channel) -> {
            throw new IllegalStateException("boom");
        });
        wire.server.addSubscriptionListener((session, channel) -> heard.add(channel.toString()));
        wire.subscribed("/foo");
        assertEquals(List.of("/foo"), heard);
    }

    @Test
    void aSubscriptionListenerCanDeliverASnapshotThatFollowsTheSubscribeReply() {
        wire.server.addSubscriptionListener((session, channel) -> session.deliver(channel.toString(), json("{'snapshot':true}")));
        String clientId = wire.handshake();
        var all = wire.send(("[{'channel':'/meta/subscribe','clientId':'%1$s','subscription':'/calendars/1','id':'2'},"
                + "{'channel':'/meta/connect','clientId':'%1$s','connectionType':'long-polling','id':'3'}]").formatted(clientId)).all().join();
        assertEquals(List.of("/meta/subscribe", "/meta/connect", "/calendars/1"), all.stream().map(FrozenMessage::channel).toList());
        assertEquals(json("{'channel':'/calendars/1','data':{'snapshot':true}}"), all.get(2).object());
    }
}
