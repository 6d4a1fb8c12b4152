package io.liveupdate.it;

import static io.liveupdate.it.CatchUpIT.assertExact;
import static io.liveupdate.it.CatchUpIT.awaitCaughtUp;
import static io.liveupdate.it.CatchUpIT.channelOf;
import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.CalendarWriter;
import io.liveupdate.it.support.CuttableProxy;
import io.liveupdate.it.support.LiveReplica;
import io.liveupdate.it.support.Management;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Soak, on loopback only: saves go on for {@code -Dsoak.seconds} (180 by default) while three Faye clients (two over
 * WebSocket, one long-polling) follow the calendar through a proxy that cuts every connection at random moments.
 * Reports the changes, cuts and losses (which must be zero), and the server's heap after a full GC before and after
 * (which must not grow beyond noise: 10 % plus 8 MiB).
 */
class SoakIT extends Deployed {

    private static final Logger LOG = Logger.getLogger(SoakIT.class.getName());
    private static final long MIB = 1024 * 1024;

    @Test
    void savesAndRandomDisconnectsLoseNothingAndLeakNothing() throws Exception {
        long seconds = Long.getLong("soak.seconds", 180);
        var random = new Random(Long.getLong("soak.seed", 5));
        warmUp();
        long heapBefore = Management.heapAfterGc();

        var calendar = new TestCalendar(http());
        String channel = channelOf(calendar);
        int cuts = 0;
        List<LiveReplica> replicas = new ArrayList<>();
        try (var proxy = new CuttableProxy(deploymentUrl.getHost(), deploymentUrl.getPort());
                var ws1 = FayeClient.start("soak-ws1"); var ws2 = FayeClient.start("soak-ws2"); var lp = FayeClient.start("soak-lp")) {
            String viaProxy = "http://127.0.0.1:" + proxy.port() + deploymentUrl.getPath() + "sync";
            var clients = List.of(ws1, ws2, lp);
            ws1.connect(viaProxy, WEBSOCKET, new FayeClient.Options().catchUp().retry(0.5));
            ws2.connect(viaProxy, WEBSOCKET, new FayeClient.Options().catchUp().retry(0.5));
            lp.connect(viaProxy, LONG_POLLING, new FayeClient.Options().catchUp().retry(0.5));
            for (var client : clients) client.subscribe(channel);
            // About 50 saves a second at most: the soak is about time, not throughput (the benchmark's job).
            try (var writer = new CalendarWriter(http(), calendar, 200).pause(20).start(Integer.MAX_VALUE)) {
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                while (System.nanoTime() < end) {
                    Thread.sleep(1000 + random.nextInt(4000));
                    if (proxy.cutAll() > 0) cuts++;
                }
            }
            for (var client : clients) replicas.add(assertExact(client.toString(), client, calendar));
            for (var client : clients) client.disconnect();
        }
        // Sessions of cut clients that re-handshook end at max-interval; give them that long before measuring.
        Thread.sleep(Long.getLong("soak.settle.millis", 35_000));
        long heapAfter = Management.heapAfterGc();
        long changes = LiveReplica.committedSeq(calendar.name);
        long lost = replicas.stream().mapToLong(r -> r.missed).sum();
        int cutCount = cuts;
        LOG.info(() -> String.format("SOAK %d s: %d changes, %d cuts of every client connection, 3 clients, lost %d, repeated %d;"
                + " server heap after GC %d MiB before, %d MiB after", seconds, changes, cutCount, lost,
                replicas.stream().mapToLong(r -> r.repeated).sum(), heapBefore / MIB, heapAfter / MIB));
        assertEquals(0, lost);
        assertTrue(heapAfter <= heapBefore * 11 / 10 + 8 * MIB,
                "server heap grew from " + heapBefore / MIB + " MiB to " + heapAfter / MIB + " MiB");
    }

    /** Loads classes and fills pools, so the first measurement is not of a cold server. */
    private void warmUp() throws Exception {
        var calendar = new TestCalendar(http());
        try (var client = FayeClient.start("soak-warm-up")) {
            client.connect(deploymentUrl + "sync", WEBSOCKET, new FayeClient.Options().catchUp());
            client.subscribe(channelOf(calendar));
            try (var writer = new CalendarWriter(http(), calendar, 200).start(200)) {
                writer.join(120_000);
            }
            awaitCaughtUp(client, channelOf(calendar), LiveReplica.committedSeq(calendar.name), Duration.ofSeconds(30));
            client.disconnect();
        }
    }
}
