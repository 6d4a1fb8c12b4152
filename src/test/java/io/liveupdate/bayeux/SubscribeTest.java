package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.json;
import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SubscribeTest {

    private final Wire wire = new Wire();

    private JsonObject subscribe(String clientId, String subscription) {
        return wire.one("{'channel':'/meta/subscribe','clientId':'%s','subscription':%s,'id':'3'}".formatted(clientId, subscription));
    }

    @Test
    void successEchoesIdClientIdAndSubscription() {
        String clientId = wire.handshake();
        assertEquals(json("{'id':'3','clientId':'" + clientId + "','channel':'/meta/subscribe','successful':true,'subscription':'/foo/*'}"),
                subscribe(clientId, "'/foo/*'"));
        assertEquals(json("{'id':'3','clientId':'" + clientId + "','channel':'/meta/subscribe','successful':true,'subscription':['/a','/b/**']}"),
                subscribe(clientId, "['/a','/b/**']"));
    }

    @Test
    void subscribingTwiceIsIdempotentAndNotifiesOnce() {
        var heard = new ArrayList<String>();
        wire.server.addSubscriptionListener((session, channel) -> heard.add(channel.toString()));
        String clientId = wire.handshake();
        for (int i = 0; i < 3; i++) assertTrue(subscribe(clientId, "'/foo'").getBoolean("successful"));

        assertEquals(List.of("/foo"), heard);
        assertEquals(1, wire.server.subscriberCount("/foo"));
        assertEquals(1, wire.server.publish("/foo", json("{'n':1}")));
    }

    @Test
    void unsubscribingIsIdempotentAndStopsDelivery() {
        String clientId = wire.subscribed("/foo");
        for (int i = 0; i < 2; i++) {
            var reply = wire.one("{'channel':'/meta/unsubscribe','clientId':'%s','subscription':'/foo','id':'4'}".formatted(clientId));
            assertEquals(json("{'id':'4','clientId':'" + clientId + "','channel':'/meta/unsubscribe','successful':true,'subscription':'/foo'}"), reply);
        }
        assertEquals(0, wire.server.publish("/foo", json("{}")));
        assertEquals(0, wire.server.channelCount(), "an emptied channel is forgotten");
    }

    @Test
    void missingSubscriptionIs402() {
        String clientId = wire.handshake();
        var reply = wire.one("{'channel':'/meta/subscribe','clientId':'%s','id':'3'}".formatted(clientId));
        assertEquals(json("{'id':'3','clientId':'" + clientId + "','channel':'/meta/subscribe','successful':false,"
                + "'error':'402:subscription:Missing required parameter','subscription':[]}"), reply);
    }

    @Test
    void invalidChannelIs405() {
        String clientId = wire.handshake();
        assertEquals("405:/foo/*/bar:Invalid channel", subscribe(clientId, "'/foo/*/bar'").getString("error"));
        assertEquals("405:/foo bar:Invalid channel", subscribe(clientId, "'/foo bar'").getString("error"));
        assertEquals("405:42:Invalid channel", subscribe(clientId, "42").getString("error"));
    }

    @Test
    void metaAndServiceChannelsAre403() {
        String clientId = wire.handshake();
        assertEquals("403:/meta/connect:Forbidden channel", subscribe(clientId, "'/meta/connect'").getString("error"));
        assertEquals("403:/meta/**:Forbidden channel", subscribe(clientId, "'/meta/**'").getString("error"));
        assertEquals("403:/service/echo:Forbidden channel", subscribe(clientId, "'/service/echo'").getString("error"));
    }

    @Test
    void aRejectedChannelLeavesTheOthersInTheRequestUnsubscribed() {
        String clientId = wire.handshake();
        assertEquals("403:/meta/*:Forbidden channel", subscribe(clientId, "['/ok','/meta/*']").getString("error"));
        assertEquals(0, wire.server.subscriberCount("/ok"));
    }

    @Test
    void unknownClientIs401WithoutAdvice() {
        var reply = subscribe("ghost", "'/foo'");
        assertEquals("401:ghost:Unknown client", reply.getString("error"));
        assertFalse(reply.containsKey("advice"));
        assertEquals("402:clientId:Missing required parameter",
                wire.one("{'channel':'/meta/subscribe','subscription':'/foo'}").getString("error"));
    }
}
