package io.liveupdate.bayeux;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HandshakeListenerTest {

    private final Wire wire = new Wire();

    @Test
    void aListenerBindsWhatTheHandshakeCarriedToTheNewSessionBeforeTheReply() {
        wire.server.addHandshakeListener((session, handshake, connection) ->
                session.attributes().put("user", handshake.getJsonObject("ext").getString("authToken") + "@" + connection.attributes().get("address")));
        var reply = wire.send("[{'channel':'/meta/handshake','version':'1.0','supportedConnectionTypes':['long-polling'],'ext':{'authToken':'alice'}}]",
                Connection.polling(Map.of("address", "10.0.0.1"))).immediate();
        String clientId = Wire.objects(reply).get(0).getString("clientId");
        assertEquals("alice@10.0.0.1", wire.server.session(clientId).orElseThrow().attributes().get("user"));
    }

    @Test
    void aFailingListenerEndsTheSessionAndFailsTheHandshake() {
        wire.server.addHandshakeListener((session, handshake, connection) -> {
            throw new IllegalStateException("no identity store");
        });
        var reply = wire.one("{'channel':'/meta/handshake','version':'1.0','supportedConnectionTypes':['long-polling']}");
        assertFalse(reply.getBoolean("successful"));
        assertEquals("500::Internal server error", reply.getString("error"));
        assertEquals(0, wire.server.sessionCount(), "no session is left behind");
    }
}
