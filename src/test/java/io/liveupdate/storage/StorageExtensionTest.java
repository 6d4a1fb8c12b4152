package io.liveupdate.storage;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.bayeux.Bayeux;
import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.BayeuxSettings;
import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.bayeux.Scheduler;
import io.liveupdate.bayeux.SecurityPolicy;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.persistence.LoggedChange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the extension does with each kind of publish, with the database replaced by a recording fake. */
class StorageExtensionTest {

    private final FakeStorage storage = new FakeStorage();
    private final StorageExtension extension = new StorageExtension();

    @BeforeEach
    void wire() {
        extension.bayeux = new BayeuxServer(BayeuxSettings.defaults(), Scheduler.of(null));
        extension.storage = storage;
        extension.order = new StorageOrder();
        extension.order.bayeux = extension.bayeux;
        extension.order.create();
    }

    private static JsonObject publish(String channel, JsonObject data) {
        return Json.createObjectBuilder().add("channel", channel).add("clientId", "c1").add("id", "5").add("data", data).build();
    }

    private static JsonObject insert(int id) {
        return Json.createObjectBuilder().add("id", Integer.toString(id)).add("operation", "insert")
                .add("data", Json.createObjectBuilder().add("id", id).add("value", "hi")).add("clientId", "page").build();
    }

    @Test
    void anOperationIsStoredAndTheMessageRelayedWithItsNumber() {
        var message = publish("/chat", insert(1));

        var relayed = extension.incoming(message, null);

        assertEquals(List.of("/chat insert 1"), storage.applied);
        assertEquals(message, Json.createObjectBuilder(relayed).remove(Bayeux.DELIVERY_EXT).remove(Bayeux.DELIVERED).build(), "relayed as it came");
        assertEquals(1, relayed.getJsonObject(Bayeux.DELIVERY_EXT).getInt("seq"), "numbered for the subscribers");
        assertTrue(relayed.getBoolean(Bayeux.DELIVERED), "delivered by the storages' ordering point, not again by the core");
        assertEquals(2, extension.incoming(publish("/chat", insert(2)), null).getJsonObject(Bayeux.DELIVERY_EXT).getInt("seq"));
    }

    @Test
    void aPlainMessageIsRelayedAndNotStored() {
        var message = publish("/chat", Json.createObjectBuilder().add("text", "hello").build());

        assertSame(message, extension.incoming(message, null));
        assertEquals(List.of(), storage.applied);
    }

    @Test
    void aMalformedOperationIsRefusedWith405() {
        var bad = Json.createObjectBuilder().add("operation", "upsert").add("data", Json.createObjectBuilder().add("id", 1)).build();

        var answer = extension.incoming(publish("/chat", bad), null);

        assertEquals("405:/chat:Invalid storage operation", answer.getString("error"));
        assertEquals(List.of(), storage.applied);
    }

    @Test
    void anOperationOnATooLongChannelIsRefusedWith405() {
        String channel = "/" + "c".repeat(StorageChannels.MAX_LENGTH);

        assertEquals("405:" + channel + ":Invalid storage operation", extension.incoming(publish(channel, insert(1)), null).getString("error"));
        assertEquals(List.of(), storage.attempts);
    }

    @Test
    void aDatabaseFailureIsRetriedOnceThenRefusedWith500() {
        storage.failures = 2;

        var answer = extension.incoming(publish("/chat", insert(1)), null);

        assertEquals("500:/chat:Storage failed", answer.getString("error"));
        assertEquals(2, storage.attempts.size());
        assertEquals(List.of(), storage.applied);
    }

    @Test
    void aSingleFailureSuchAsARacingFirstInsertIsRetried() {
        storage.failures = 1;
        var message = publish("/chat", insert(1));

        var relayed = extension.incoming(message, null);

        assertFalse(relayed.containsKey("error"), relayed.toString());
        assertEquals(List.of("/chat insert 1"), storage.applied);
    }

    @Test
    void reservedChannelsAndMetaMessagesAreLeftAlone() {
        for (String channel : List.of("/update", "/broadcast", "/calendars/team/update", "/service/x", "/meta/subscribe")) {
            var message = publish(channel, insert(1));
            assertSame(message, extension.incoming(message, null), channel);
        }
        assertEquals(List.of(), storage.attempts);
    }

    @Test
    void aPublishThePolicyRefusesIsLeftToTheCoreAndNotStored() {
        extension.bayeux.setSecurityPolicy(new SecurityPolicy() {
            @Override
            public boolean canSubscribe(ServerSession session, ChannelId channel) {
                return true;
            }

            @Override
            public boolean canPublish(Optional<ServerSession> session, ChannelId channel) {
                return !channel.toString().equals("/closed");
            }
        });
        var message = publish("/closed", insert(1));

        assertSame(message, extension.incoming(message, null));
        assertEquals(List.of(), storage.attempts);
    }

    @Test
    void theRelayedOperationCarriesNoDollarMarkers() {
        var update = Json.createObjectBuilder().add("id", "3").add("operation", "insert").add("$dirty", true)
                .add("data", Json.createObjectBuilder().add("id", 3).add("value", "hi").add("$css", "evil")).add("clientId", "page").build();

        var relayed = extension.incoming(publish("/chat", update), null).getJsonObject(Bayeux.DATA);

        assertEquals(Json.createObjectBuilder().add("id", "3").add("operation", "insert")
                .add("data", Json.createObjectBuilder().add("id", 3).add("value", "hi")).add("clientId", "page").build(), relayed);
        assertEquals(relayed, storage.logged.get(0).get("data"), "logged for replays as relayed");
        assertEquals("5", storage.logged.get(0).getString("id"), "with the publish's message id, for other nodes");
    }

    @Test
    void aRefusalsLogLineCannotBeForgedWithLineBreaks() {
        var lines = new ArrayList<String>();
        var logger = java.util.logging.Logger.getLogger(StorageExtension.class.getName());
        var handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            var forged = Json.createObjectBuilder().add("operation", "x\nSEVERE: database corrupted\r\n")
                    .add("data", Json.createObjectBuilder().add("id", "1\nSEVERE: forged")).build();
            assertEquals("405:/chat:Invalid storage operation", extension.incoming(publish("/chat", forged), null).getString("error"));
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, lines.size(), lines.toString());
        assertFalse(lines.get(0).contains("\n") || lines.get(0).contains("\r"), "one line: " + lines.get(0));
        assertTrue(lines.get(0).startsWith("Refused a storage operation on '/chat'"), lines.get(0));
    }

    /** Records operations; fails the first {@code failures} attempts as a database would. */
    static final class FakeStorage extends StorageService {
        final List<String> attempts = new ArrayList<>();
        final List<String> applied = new ArrayList<>();
        final List<JsonObject> logged = new ArrayList<>();
        int failures;

        @Override
        public LoggedChange apply(String channel, StorageOperation operation, JsonObject logged) {
            String text = channel + " " + operation.kind().wireName() + " " + operation.itemId();
            attempts.add(text);
            if (failures-- > 0) throw new IllegalStateException("database down");
            applied.add(text);
            this.logged.add(logged);
            return new LoggedChange(StorageStreams.of(channel), applied.size(), logged);
        }
    }
}
