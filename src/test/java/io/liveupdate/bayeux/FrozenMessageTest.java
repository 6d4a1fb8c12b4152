package io.liveupdate.bayeux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.liveupdate.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrozenMessageTest {

    private static FrozenMessage event(int n) {
        return FrozenMessage.of(Json.createObjectBuilder().add("channel", "/a").add("data", Json.createObjectBuilder().add("n", n)).build());
    }

    @Test
    void aBatchIsOneJsonArrayOfTheMessagesInOrder() {
        assertEquals("[]", FrozenMessage.toJsonArray(List.of()));
        assertEquals("[{\"channel\":\"/a\",\"data\":{\"n\":1}},{\"channel\":\"/a\",\"data\":{\"n\":2}}]",
                FrozenMessage.toJsonArray(List.of(event(1), event(2))));
    }

    @Test
    void aMessageWrittenAloneToManySocketsIsWrappedOnce() {
        var message = event(7);
        String first = FrozenMessage.toJsonArray(List.of(message));
        assertEquals("[{\"channel\":\"/a\",\"data\":{\"n\":7}}]", first);
        assertSame(first, FrozenMessage.toJsonArray(List.of(message)));
    }
}
