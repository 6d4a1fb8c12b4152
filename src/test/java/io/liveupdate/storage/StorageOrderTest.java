package io.liveupdate.storage;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.BayeuxSettings;
import io.liveupdate.bayeux.Connection;
import io.liveupdate.bayeux.FrozenMessage;
import io.liveupdate.bayeux.Payload;
import io.liveupdate.bayeux.Scheduler;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.persistence.ChangeLog;
import io.liveupdate.persistence.LoggedChange;
import io.liveupdate.persistence.StreamHead;
import io.liveupdate.stream.StreamPositions;
import io.liveupdate.stream.StreamSkipped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storages' ordering point between the extension (this node's operations), a change log shared with other
 * nodes (a fake holding entries as text, as the database does) and a real Bayeux core with a subscriber.
 */
class StorageOrderTest {

    private static final String STREAM = "storage:/chat";

    private final BayeuxServer bayeux = new BayeuxServer(BayeuxSettings.defaults(), Scheduler.of(null));
    private final TextLog log = new TextLog();
    private final List<StreamSkipped> skipped = new ArrayList<>();
    private final StorageExtension extension = new StorageExtension();
    private final StorageOrder order = new StorageOrder();
    private ServerSession subscriber;
    private String publisher;

    @BeforeEach
    void wire() {
        order.bayeux = bayeux;
        order.log = log;
        order.skipped = new Recording(skipped);
        order.create();
        extension.bayeux = bayeux;
        extension.order = order;
        extension.storage = new StorageService() {
            @Override
            public LoggedChange apply(String channel, StorageOperation operation, JsonObject logged) {
                return StorageOrderTest.this.log.append(StorageStreams.of(channel), logged);
            }
        };
        bayeux.addExtension(extension);
        subscriber = bayeux.session(subscribed("/chat")).orElseThrow();
        publisher = subscribed("/chat");
        order.start(null); // the baseline: an empty database
    }

    @Test
    void anOperationStoredHereReachesEachSubscriberOnceAsTheCoreRelayedItBefore() {
        var reply = send("{'channel':'/chat','clientId':'%s','id':'5','data':%s}".formatted(publisher, insert(1, "hi")));

        assertTrue(reply.getBoolean("successful"), reply.toString());
        String expected = "{'channel':'/chat','data':%s,'id':'5','ext':{'seq':1}}".formatted(insert(1, "hi")).replace('\'', '"');
        assertEquals(List.of(expected), texts(subscriber.drain()), "once, not again by the core");
        assertEquals(List.of(expected), texts(bayeux.session(publisher).orElseThrow().drain()), "the publisher's echo, as Faye sends it");
    }

    @Test
    void anotherNodesEarlierOperationReachesSubscribersBeforeThisNodesLaterOneWithTheSameBytes() {
        // Node 2 stored #1 (its doorbell not heard yet); the same publish here would have reached subscribers as:
        String data = "{'id':'1','operation':'insert','data':{'id':1,'value':'h\\u00e9 \\n','n':1.50,'big':1e3},'clientId':'page'}";
        String fromNode2 = "{'channel':'/chat','data':%s,'id':'9','ext':{'seq':1}}".formatted(data).replace('\'', '"');
        JsonObject node2Publish = read(fromNode2.replace("\"ext\":{\"seq\":1}", "\"clientId\":\"elsewhere\""));
        log.append(STREAM, LoggedPublish.entry(node2Publish.get("data"), node2Publish.get("id")));

        send("{'channel':'/chat','clientId':'%s','id':'6','data':%s}".formatted(publisher, insert(2, "later")));

        var received = texts(subscriber.drain());
        assertEquals(2, received.size(), received.toString());
        assertEquals(read(fromNode2).toString(), received.get(0), "node 2's #1 first, byte for byte as node 2's subscribers got it");
        assertTrue(received.get(1).endsWith("\"id\":\"6\",\"ext\":{\"seq\":2}}"), received.get(1));
    }

    @Test
    void theDoorbellOfAnOperationAlreadyDeliveredDeliversNothing() {
        send("{'channel':'/chat','clientId':'%s','id':'5','data':%s}".formatted(publisher, insert(1, "hi")));
        subscriber.drain();

        order.advanced(new StreamPositions(Map.of(STREAM, 1L), false));
        order.advanced(new StreamPositions(Map.of(STREAM, 1L, "calendar:team", 4L), true));

        assertEquals(List.of(), subscriber.drain());
        assertEquals(1, order.delivered(STREAM));
        assertEquals(-1, order.delivered("calendar:team"), "a calendar's stream is the calendars' ordering point's");
        assertEquals(List.of(), log.read, "no gap to fill, and a calendar's log is not the storages' to read");
    }

    @Test
    void operationsOfOtherNodesArriveByDoorbellInLogOrderAndWhatTheLogNoLongerHasBecomesTheReloadSignal() {
        for (int i = 1; i <= 4; i++) log.append(STREAM, LoggedPublish.entry(read(insert(i, "v" + i)), Json.createValue("m" + i)));
        log.trimTo(3); // #1 and #2 are gone before this node heard of them

        order.advanced(new StreamPositions(Map.of(STREAM, 4L), false));

        assertEquals(List.of(new StreamSkipped(STREAM, 2)), skipped);
        var received = subscriber.drain().stream().map(FrozenMessage::object).toList();
        assertEquals(List.of(3L, 4L), received.stream().map(m -> m.getJsonObject("ext").getJsonNumber("seq").longValue()).toList());
        assertEquals(List.of("m3", "m4"), received.stream().map(m -> m.getString("id")).toList());
    }

    // ------------------------------------------------------------------------------------------

    private static String insert(int id, String value) {
        return "{'id':'%d','operation':'insert','data':{'id':%d,'value':'%s'},'clientId':'page'}".formatted(id, id, value).replace('\'', '"');
    }

    private JsonObject send(String message) {
        var replies = bayeux.handle(Payload.parse(message.replace('\'', '"')), Connection.polling(Map.of())).immediate();
        assertEquals(1, replies.size(), replies.toString());
        return replies.get(0).object();
    }

    private String subscribed(String channel) {
        String clientId = send("{'channel':'/meta/handshake','version':'1.0','supportedConnectionTypes':['long-polling'],'id':'1'}").getString("clientId");
        assertTrue(send("{'channel':'/meta/subscribe','clientId':'%s','subscription':'%s'}".formatted(clientId, channel)).getBoolean("successful"));
        return clientId;
    }

    private static List<String> texts(List<FrozenMessage> messages) {
        return messages.stream().map(FrozenMessage::json).toList();
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** A change log in memory that keeps entries as text, as the database's column does. */
    static final class TextLog extends ChangeLog {
        private final Map<String, TreeMap<Long, String>> streams = new TreeMap<>();
        final List<String> read = new ArrayList<>();

        @Override
        public synchronized LoggedChange append(String stream, JsonObject payload) {
            var entries = streams.computeIfAbsent(stream, s -> new TreeMap<>());
            long seq = entries.isEmpty() ? 1 : entries.lastKey() + 1;
            entries.put(seq, payload.toString());
            return new LoggedChange(stream, seq, payload);
        }

        @Override
        public synchronized List<LoggedChange> after(String stream, long seq, int limit) {
            read.add(stream);
            return streams.getOrDefault(stream, new TreeMap<>()).tailMap(seq, false).entrySet().stream().limit(limit)
                    .map(e -> new LoggedChange(stream, e.getKey(), read(e.getValue()))).toList();
        }

        @Override
        public synchronized Map<String, Long> lastSeqs() {
            var last = new TreeMap<String, Long>();
            streams.forEach((stream, entries) -> last.put(stream, entries.lastKey()));
            return last;
        }

        @Override
        public synchronized Map<String, StreamHead> heads() {
            var heads = new TreeMap<String, StreamHead>();
            lastSeqs().forEach((stream, last) -> heads.put(stream, new StreamHead(last, null)));
            return heads;
        }

        synchronized void trimTo(long firstKept) {
            streams.values().forEach(entries -> entries.headMap(firstKept).clear());
        }
    }

    /** Records the events it is asked to fire. */
    private record Recording(List<StreamSkipped> fired) implements Event<StreamSkipped> {
        @Override
        public void fire(StreamSkipped event) {
            fired.add(event);
        }

        @Override
        public <U extends StreamSkipped> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends StreamSkipped> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<StreamSkipped> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends StreamSkipped> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends StreamSkipped> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
