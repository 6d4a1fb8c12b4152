package io.liveupdate.bayeux;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void acceptsAnArrayOrASingleObject() {
        assertEquals(2, Payload.parse("[{\"channel\":\"/a\"},{\"channel\":\"/b\"}]").size());
        assertEquals("/a", Payload.parse("{\"channel\":\"/a\"}").get(0).getString("channel"));
        assertEquals(List.of(), Payload.parse("[]"));
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : List.of("", "not json", "[1,2]", "\"x\"", "[{\"a\":1},3]", "{\"a\":")) {
            assertThrows(IllegalArgumentException.class, () -> Payload.parse(bad), bad);
        }
    }

    @Test
    void writesAJsonArray() {
        var a = FrozenMessage.of(Wire.json("{'channel':'/a'}"));
        assertEquals("[{\"channel\":\"/a\"},{\"channel\":\"/a\"}]", FrozenMessage.toJsonArray(List.of(a, a)));
        assertSame(a.json(), a.json());
    }
}
