package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.json;
import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HandshakeTest {

    private static final String TYPES = "['websocket','long-polling','cross-origin-long-polling','callback-polling']";

    private final Wire wire = new Wire();

    @Test
    void successGivesAClientIdOurTypesAndRetryAdvice() {
        var reply = wire.one("[{'channel':'/meta/handshake','version':'1.0','supportedConnectionTypes':['in-process','websocket','long-polling'],'id':'1'}]");
        String clientId = reply.getString("clientId");
        assertEquals(json("{'id':'1','channel':'/meta/handshake','successful':true,'version':'1.0','supportedConnectionTypes':" + TYPES
                + ",'clientId':'" + clientId + "','advice':{'reconnect':'retry','interval':0,'timeout':30000}}"), reply);
        assertTrue(clientId.matches("[0-9a-z]{31}"), clientId);
        assertTrue(wire.server.session(clientId).isPresent());
    }

    @Test
    void clientIdsAreUniqueAndRandom() {
        var ids = new HashSet<String>();
        for (int i = 0; i < 200; i++) ids.add(wire.handshake());
        assertEquals(200, ids.size());
        assertEquals(200, wire.server.sessionCount());
    }

    @Test
    void noCommonConnectionTypeIs301ListingTheClientsTypes() {
        var reply = wire.one("[{'channel':'/meta/handshake','version':'1.0','supportedConnectionTypes':['iframe','flash'],'id':'1'}]");
        assertEquals(json("{'id':'1','channel':'/meta/handshake','successful':false,'version':'1.0','supportedConnectionTypes':" + TYPES
                + ",'error':'301:iframe,flash:Connection types not supported','advice':{'reconnect':'none'}}"), reply);
        assertEquals(0, wire.server.sessionCount());
    }

    @Test
    void missingVersionOrTypesIs402() {
        assertEquals("402:version:Missing required parameter",
                wire.one("{'channel':'/meta/handshake','supportedConnectionTypes':['long-polling']}").getString("error"));
        assertEquals("402:supportedConnectionTypes:Missing required parameter",
                wire.one("{'channel':'/meta/handshake','version':'1.0'}").getString("error"));
        assertEquals(0, wire.server.sessionCount());
    }

    @Test
    void aVersionOtherThanOneIs300() {
        var reply = wire.one("{'channel':'/meta/handshake','version':'2.0','supportedConnectionTypes':['long-polling']}");
        assertFalse(reply.getBoolean("successful"));
        assertEquals("300:2.0:Version mismatch", reply.getString("error"));
        assertEquals("none", reply.getJsonObject("advice").getString("reconnect"), "retrying cannot help, so the client must stop");
        assertTrue(wire.one("{'channel':'/meta/handshake','version':'1.0beta','supportedConnectionTypes':['long-polling']}").getBoolean("successful"));
    }
}
