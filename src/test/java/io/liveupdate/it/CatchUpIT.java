package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.faye.FayeEvent;
import io.liveupdate.it.faye.NodeScripts;
import io.liveupdate.it.support.CalendarWriter;
import io.liveupdate.it.support.CuttableProxy;
import io.liveupdate.it.support.LiveReplica;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * No missed change, with the faults injected for real: sockets cut mid-stream by a proxy between the Faye clients and
 * WildFly, and a client suspended (SIGSTOP: it stops reading) while another saves. Each client, with our catch-up
 * extension, must end up showing exactly what the database holds, having been handed every numbered change once.
 */
class CatchUpIT extends Deployed {

    private static final Logger LOG = Logger.getLogger(CatchUpIT.class.getName());

    static String channelOf(TestCalendar calendar) {
        return "/calendars/" + calendar.name + "/update";
    }

    /** Waits until the client has been handed the calendar's last committed change. */
    static void awaitCaughtUp(FayeClient client, String channel, long seq, Duration within) {
        try {
            client.awaitEvent(e -> (e.is("delivered") || e.is("reload")) && channel.equals(e.json().getString("channel", null))
                    && e.json().getJsonNumber("seq").longValue() >= seq, within, "change " + seq + " on " + channel);
        } catch (AssertionError e) {
            keepEvents(client);
            throw e;
        }
    }

    /** Writes every event of the client to target/faye-harness/, for the post-mortem of a failure. */
    static void keepEvents(FayeClient client) {
        try {
            var file = NodeScripts.logDir().resolve("events-" + client.pid() + ".jsonl");
            Files.write(file, client.events().stream().map(e -> e.json().toString()).toList());
            LOG.warning(() -> client + ": all events in " + file);
        } catch (IOException e) {
            LOG.warning(() -> "could not keep the events of " + client + ": " + e);
        }
    }

    /** The per-client assertions of every fault: final state equals the database, nothing missed or applied twice. */
    static LiveReplica assertExact(String who, FayeClient client, TestCalendar calendar) {
        String channel = channelOf(calendar);
        long committed = LiveReplica.committedSeq(calendar.name);
        awaitCaughtUp(client, channel, committed, Duration.ofSeconds(60));
        // The probe reports a change just before the subscriber gets it: wait for the subscriber to have the last one too.
        var events = client.events();
        int lastDelivered = events.size() - 1;
        while (lastDelivered >= 0 && !(events.get(lastDelivered).is("delivered") && channel.equals(events.get(lastDelivered).json().getString("channel", null)))) {
            lastDelivered--;
        }
        if (lastDelivered >= 0) {
            client.awaitEvent(lastDelivered + 1, e -> e.is("message") && channel.equals(e.channel()), Duration.ofSeconds(10),
                    "the subscriber to get the last change the probe saw");
        }
        var replica = LiveReplica.of(client.events(), channel, calendar::load);
        LOG.info(() -> who + ": " + committed + " committed; " + replica);
        assertEquals(0, replica.missed, who + " missed changes: " + replica);
        assertEquals(0, replica.repeated, who + " was handed changes twice: " + replica);
        assertEquals(committed, replica.lastSeq, who + " did not reach the last change: " + replica);
        var stored = LiveReplica.textsOf(calendar.load());
        if (!stored.equals(replica.texts)) {
            keepEvents(client);
            var differences = new TreeSet<Long>(stored.keySet());
            differences.addAll(replica.texts.keySet());
            differences.removeIf(id -> Objects.equals(stored.get(id), replica.texts.get(id)));
            fail(who + " shows another state than the database for " + differences.size() + " events, e.g. "
                    + differences.stream().limit(5).map(id -> id + ": stored " + tail(stored.get(id)) + ", shown " + tail(replica.texts.get(id))).toList());
        }
        return replica;
    }

    private static String tail(String text) {
        return text == null ? "nothing" : "\"…" + text.substring(Math.max(0, text.length() - 8)) + "\"";
    }

    /** The number of the last change the client had been handed before event index {@code before}. */
    static long deliveredBefore(FayeClient client, String channel, int before) {
        List<FayeEvent> events = client.events();
        long seq = 0;
        for (int i = 0; i < Math.min(before, events.size()); i++) {
            var e = events.get(i);
            if ((e.is("delivered") || e.is("reload")) && channel.equals(e.json().getString("channel", null))) {
                seq = Math.max(seq, e.json().getJsonNumber("seq").longValue());
            }
        }
        return seq;
    }

    @Test
    void socketsCutMidStreamLoseNothing() throws Exception {
        var calendar = new TestCalendar(http());
        String channel = channelOf(calendar);
        try (var proxy = new CuttableProxy(deploymentUrl.getHost(), deploymentUrl.getPort());
                var ws = FayeClient.start("cut-ws"); var lp = FayeClient.start("cut-lp")) {
            String viaProxy = "http://127.0.0.1:" + proxy.port() + deploymentUrl.getPath() + "sync";
            ws.connect(viaProxy, WEBSOCKET, new FayeClient.Options().catchUp().retry(0.5));
            lp.connect(viaProxy, LONG_POLLING, new FayeClient.Options().catchUp().retry(0.5));
            ws.subscribe(channel);
            lp.subscribe(channel);
            var writer = new CalendarWriter(http(), calendar, 100).start(400);
            var random = new Random(11);
            int cuts = 0;
            long inFlight = 0;
            // A cut every 30 to 70 changes, wherever the writer is in its stream, however fast the machine.
            for (int next = 30 + random.nextInt(40); next < 400; next += 30 + random.nextInt(40)) {
                while (writer.committed() < next && !writer.isDone()) Thread.sleep(5);
                int wsMark = ws.events().size(), lpMark = lp.events().size();
                long handed = Math.min(deliveredBefore(ws, channel, wsMark), deliveredBefore(lp, channel, lpMark));
                if (proxy.cutAll() == 0) continue;
                long committedAtCut = LiveReplica.committedSeq(calendar.name);
                cuts++;
                inFlight += Math.max(0, committedAtCut - handed);
                // Back and caught up: each has been handed everything committed when its connections were cut.
                awaitCaughtUp(ws, channel, committedAtCut, Duration.ofSeconds(30));
                awaitCaughtUp(lp, channel, committedAtCut, Duration.ofSeconds(30));
            }
            writer.close();
            assertTrue(cuts >= 3, "the connections were cut " + cuts + " times");
            var wsReplica = assertExact("websocket client", ws, calendar);
            var lpReplica = assertExact("long-polling client", lp, calendar);
            long lost = wsReplica.missed + lpReplica.missed;
            long total = LiveReplica.committedSeq(calendar.name);
            long flying = inFlight;
            int cut = cuts;
            LOG.info(() -> "FAULT sockets cut mid-stream: " + cut + " cuts of every client connection during " + total
                    + " changes; in flight at the cuts (committed, not yet handed to a client): " + flying + "; lost: " + lost);
        }
    }

    @Test
    void aSuspendedClientIsCutLooseAndCatchesUpWhileTheOthersKeepUp() throws Exception {
        var calendar = new TestCalendar(http());
        String channel = channelOf(calendar);
        String sync = deploymentUrl.toString() + "sync";
        try (var reading = FayeClient.start("reading"); var suspended = FayeClient.start("suspended")) {
            reading.connect(sync, WEBSOCKET, new FayeClient.Options().catchUp());
            suspended.connect(sync, WEBSOCKET, new FayeClient.Options().catchUp().retry(0.5));
            reading.subscribe(channel);
            suspended.subscribe(channel);
            signal("STOP", suspended.pid());
            long suspendedAt = LiveReplica.committedSeq(calendar.name);
            try (var writer = new CalendarWriter(http(), calendar, 16 * 1024).start(2000)) {
                writer.join(600_000);
            } finally {
                signal("CONT", suspended.pid());
            }
            long whileSuspended = LiveReplica.committedSeq(calendar.name) - suspendedAt;
            var readingReplica = assertExact("reading client", reading, calendar);
            var suspendedReplica = assertExact("suspended client", suspended, calendar);
            assertEquals(0, readingReplica.reloads, "the reading client was not held up: " + readingReplica);
            LOG.info(() -> "FAULT client suspended (SIGSTOP) while another saved: " + whileSuspended
                    + " changes in flight; suspended client " + suspendedReplica + "; reading client " + readingReplica
                    + "; lost: " + (suspendedReplica.missed + readingReplica.missed));
        }
    }


    /** Ten savers on a calendar nobody has changed yet: every first change is saved and numbered, none refused. */
    @Test
    void concurrentFirstChangesOfANewCalendarAreAllSavedAndNumbered() throws Exception {
        var calendar = new TestCalendar(http());
        int savers = 10;
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(savers);
        try {
            var answers = new ArrayList<Future<JsonObject>>();
            for (int i = 0; i < savers; i++) {
                String body = "{\"start_date\":\"2031-05-05 10:00\",\"end_date\":\"2031-05-05 11:00\",\"text\":\"first " + i + "\"}";
                answers.add(pool.submit(() -> {
                    start.await();
                    return Http.json(http().post(calendar.url, Http.JSON, body));
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertEquals("inserted", answer.get().getString("action"), answer.get().toString());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(savers, calendar.load().size());
        assertEquals(savers, LiveReplica.committedSeq(calendar.name), "one number per change, no gap");
    }

    static void signal(String signal, long pid) throws Exception {
        var kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }
}
