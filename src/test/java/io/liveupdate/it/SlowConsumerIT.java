package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A subscriber that stops reading must not delay anyone else: its socket backs up into its own bounded queue,
 * which ends its session at the bound, while a subscriber that reads gets every message, in order, at once.
 */
class SlowConsumerIT extends Deployed {

    private static final int MESSAGES = 3000;
    private static final String PAD = "x".repeat(16 * 1024);

    /** A raw Bayeux-over-WebSocket client; when stalled, its reader thread blocks, so TCP backs up to the server. */
    private final class RawClient implements AutoCloseable {
        final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        final CountDownLatch release = new CountDownLatch(1);
        final Session socket;
        final String clientId;

        RawClient(boolean stall, String channel) throws Exception {
            var uri = URI.create(deploymentUrl.toString().replaceFirst("^http", "ws") + "sync");
            socket = ContainerProvider.getWebSocketContainer().connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                    session.setMaxTextMessageBufferSize(64 * 1024 * 1024);
                    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) frame -> {
                        try (var reader = Json.createReader(new StringReader(frame))) {
                            reader.readArray().getValuesAs(JsonObject.class).forEach(received::add);
                        }
                        if (stall && received.stream().anyMatch(m -> m.containsKey("data"))) await(release);
                    });
                }
            }, ClientEndpointConfig.Builder.create().build(), uri);
            send("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"websocket\"],\"id\":\"1\"}]");
            clientId = next(m -> "/meta/handshake".equals(m.getString("channel", ""))).getString("clientId");
            send("[{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + clientId + "\",\"subscription\":\"" + channel + "\",\"id\":\"2\"},"
                    + "{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId + "\",\"connectionType\":\"websocket\",\"id\":\"3\"}]");
            assertTrue(next(m -> "/meta/subscribe".equals(m.getString("channel", ""))).getBoolean("successful"));
        }

        void send(String payload) throws Exception {
            socket.getBasicRemote().sendText(payload);
        }

        JsonObject next(java.util.function.Predicate<JsonObject> match) throws InterruptedException {
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); System.nanoTime() < end; ) {
                JsonObject m = received.poll(100, TimeUnit.MILLISECONDS);
                if (m != null && match.test(m)) return m;
            }
            throw new AssertionError("no matching message within 10 s");
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            socket.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String publisher() {
        var handshake = http().post("sync", Http.JSON, "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"]}]");
        try (var reader = Json.createReader(new StringReader(handshake.body()))) {
            return reader.readArray().getJsonObject(0).getString("clientId");
        }
    }

    @Test
    void aStalledSubscriberIsCutLooseAndTheOthersGetEverythingInOrder() throws Exception {
        String channel = "/slow/" + System.nanoTime();
        try (var stalled = new RawClient(true, channel); var reader = new RawClient(false, channel)) {
            long started = System.nanoTime();
            for (int batch = 0; batch < MESSAGES / 50; batch++) { // 50 x 16 KB stays under the 1 MiB request limit
                // A publish must name a session: one per batch, within its publish rate, which leaves after it.
                String publisher = publisher();
                var publishes = Json.createArrayBuilder();
                for (int i = 0; i < 50; i++) {
                    publishes.add(Json.createObjectBuilder().add("channel", channel).add("clientId", publisher)
                            .add("data", Json.createObjectBuilder().add("n", batch * 50 + i).add("pad", PAD)));
                }
                publishes.add(Json.createObjectBuilder().add("channel", "/meta/disconnect").add("clientId", publisher));
                assertEquals(200, http().post("sync", Http.JSON, publishes.build().toString()).statusCode());
            }
            List<Integer> order = new ArrayList<>();
            while (order.size() < MESSAGES) {
                order.add(reader.next(m -> channel.equals(m.getString("channel", "")) && m.containsKey("data"))
                        .getJsonObject("data").getInt("n"));
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("A reading subscriber got " + MESSAGES + " x 16 KB in " + millis + " ms beside a stalled one");
            for (int i = 0; i < MESSAGES; i++) assertEquals(i, order.get(i), "in order, none lost or repeated");

            // The stalled client's session ended at its queue bound: once it reads again, it is told to re-handshake.
            stalled.release.countDown();
            stalled.send("[{\"channel\":\"/meta/connect\",\"clientId\":\"" + stalled.clientId + "\",\"connectionType\":\"websocket\",\"id\":\"9\"}]");
            JsonObject refused = stalled.next(m -> m.getString("error", "").startsWith("401:" + stalled.clientId));
            assertEquals("handshake", refused.getJsonObject("advice").getString("reconnect"));
        }
    }
}
