package io.liveupdate.storage;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/** How an insert and an update change a stored item, and the message a new subscriber gets for it. */
class StoredItemTest {

    @Test
    void anUpdateMergesFieldsAsWebixExtendDoes() {
        var item = new StoredItem("/chat", "1", Json.createObjectBuilder().add("id", 1).add("value", "hi").add("user", "ann").build());

        item.merge(Json.createObjectBuilder().add("id", 1).add("value", "edited").add("color", "red").build());

        assertEquals(Json.createObjectBuilder().add("id", 1).add("value", "edited").add("user", "ann").add("color", "red").build(),
                item.fields());
    }

    @Test
    void anInsertOfAnExistingItemReplacesItsFields() {
        var item = new StoredItem("/chat", "1", Json.createObjectBuilder().add("id", 1).add("value", "hi").add("user", "ann").build());

        item.replace(Json.createObjectBuilder().add("id", 1).add("value", "again").build());

        assertEquals(Json.createObjectBuilder().add("id", 1).add("value", "again").build(), item.fields());
    }

    @Test
    void aStoredItemIsHandedOutAsAnInsertFromTheServer() {
        var item = Json.createObjectBuilder().add("id", 1712345678901L).add("value", "hi").build();

        assertEquals(Json.createObjectBuilder().add("operation", "insert").add("id", 1712345678901L).add("data", item)
                .add("clientId", "server").build(), SnapshotOnSubscribe.insertOf(item));
    }
}
