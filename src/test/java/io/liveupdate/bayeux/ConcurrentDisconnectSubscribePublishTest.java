package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.json;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hazard: clients subscribing, connecting, publishing and disconnecting while others publish, with a
 * disconnect racing a subscribe on the same session. Nothing may be lost for a live subscriber, nothing may hang,
 * and no dead session may stay in the registry.
 */
@Timeout(120)
class ConcurrentDisconnectSubscribePublishTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 300;

    private final Wire wire = new Wire(BayeuxSettings.defaults().withMaxQueue(1_000_000));
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS * 2);
    private final ExecutorService racers = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
        racers.shutdownNow();
    }

    @Test
    void churningClientsNeitherLoseALiveSubscribersMessagesNorLeakSubscriptions() throws Exception {
        var witnessSocket = new RecordingOutbox();
        String witness = wire.subscribed("/chat/**");
        wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'websocket'}".formatted(witness),
                Connection.push(witnessSocket, Map.of()));

        var start = new CountDownLatch(1);
        var published = new AtomicInteger();
        var held = new ConcurrentLinkedQueue<CompletableFuture<?>>();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var done = new CountDownLatch(THREADS * 2);

        for (int t = 0; t < THREADS; t++) {
            pool.execute(guarded(start, done, failures, () -> {
                for (int i = 0; i < ROUNDS; i++) {
                    if (wire.server.publish("/chat/room", json("{'n':1}")) < 1) throw new AssertionError("the witness missed a publish");
                    published.incrementAndGet();
                }
            }));
            pool.execute(guarded(start, done, failures, () -> {
                for (int i = 0; i < ROUNDS; i++) churn(held, published);
            }));
        }
        start.countDown();
        assertTrue(done.await(60, TimeUnit.SECONDS), "workers finished");

        assertEquals(List.of(), List.copyOf(failures));
        assertEquals(published.get(), witnessSocket.channels().size(), "every message reached the live witness exactly once");
        assertTrue(held.stream().allMatch(CompletableFuture::isDone), "no connect left hanging on a dead session");
        assertEquals(1, wire.server.sessionCount());
        assertEquals(1, wire.server.channelCount(), "only the witness's subscription is left");
        assertEquals(0, wire.server.subscriberCount("/chat/*"));
    }

    /** One short-lived client, whose disconnect races its own subscribe on another thread. */
    private void churn(ConcurrentLinkedQueue<CompletableFuture<?>> held, AtomicInteger published) {
        String clientId = wire.handshake();
        var subscribing = CompletableFuture.runAsync(() -> wire.send("{'channel':'/meta/subscribe','clientId':'%s','subscription':['/chat/*','/other/%s']}"
                .formatted(clientId, clientId.substring(0, 8))), racers);
        held.add(wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'long-polling'}".formatted(clientId)).held());
        var ack = wire.one("{'channel':'/chat/room','data':{},'clientId':'%s'}".formatted(clientId));
        if (!ack.getBoolean("successful")) throw new AssertionError(ack.toString());
        published.incrementAndGet();
        wire.one("{'channel':'/meta/disconnect','clientId':'%s'}".formatted(clientId));
        subscribing.join();
    }

    private static Runnable guarded(CountDownLatch start, CountDownLatch done, ConcurrentLinkedQueue<Throwable> failures, Runnable work) {
        return () -> {
            try {
                start.await();
                work.run();
            } catch (Throwable e) {
                failures.add(e);
            } finally {
                done.countDown();
            }
        };
    }
}
