package io.liveupdate.remote;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.remote.ClientMessage.Type;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientMessageTest {

    @Test
    void subscribeAndUnsubscribeNameTheEntity() {
        var subscribe = ClientMessage.parse("{\"action\":\"subscribe\",\"name\":\"events\"}");
        var unsubscribe = ClientMessage.parse("{\"action\":\"unsubscribe\",\"name\":\"events\"}");

        assertEquals(Type.SUBSCRIBE, subscribe.type());
        assertEquals("events", subscribe.name());
        assertEquals(Type.UNSUBSCRIBE, unsubscribe.type());
        assertEquals("events", unsubscribe.name());
    }

    @Test
    void theDetachAllOfThe72ClientSendsTheEntityAsKey() {
        var message = ClientMessage.parse("{\"action\":\"unsubscribe\",\"key\":\"events\"}");

        assertEquals(Type.UNSUBSCRIBE, message.type());
        assertEquals("events", message.name());
    }

    @Test
    void aCallKeepsTheIdsOfItsInvocationsAsSent() {
        var message = ClientMessage.parse("{\"action\":\"call\",\"body\":[{\"id\":\"1\",\"name\":\"events.x\",\"args\":[]},"
                + "{\"id\":2,\"name\":\"events.y\"},{\"name\":\"no id\"},7]}");

        assertEquals(Type.CALL, message.type());
        assertEquals(List.of(Json.createValue("1"), Json.createValue(2)), message.callIds());
    }

    @Test
    void anotherActionIsUnknownNotMalformed() {
        var message = ClientMessage.parse("{\"action\":\"dance\"}");

        assertEquals(Type.UNKNOWN, message.type());
        assertEquals("dance", message.action());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"action\":", "[1,2]", "\"subscribe\"", "{}", "{\"action\":42}",
            "{\"action\":\"subscribe\"}", "{\"action\":\"subscribe\",\"name\":\"\"}", "{\"action\":\"subscribe\",\"name\":5}",
            "{\"action\":\"call\",\"body\":{}}", "{\"action\":\"call\"}", "null"})
    void anythingElseIsMalformedWithAReasonAndNeverThrows(String text) {
        var message = ClientMessage.parse(text);

        assertEquals(Type.MALFORMED, message.type());
        assertNotNull(message.problem());
    }
}
