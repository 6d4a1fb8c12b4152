package io.liveupdate.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * REST-JSON inserts of numbered events at a fixed rate from {@code count} clients, each saving one after another, so
 * that its commits, and therefore its publications, happen in its save order. Client k saves numbers k, k+count,
 * k+2*count... (the streams {@link Deliveries} checks order within), each to the URI {@code target} gives for the
 * number. Each save's round trip (request to response, which the server sends after the commit) is timed.
 */
final class Savers {

    private final Clients clients;
    private final int firstClient;
    private final int count;
    private final double rate;
    private final LongFunction<URI> target;
    private final Problems problems;

    private final AtomicLong saved = new AtomicLong();
    private final BitSet expected = new BitSet();
    private final LatencyHistogram roundTrips = new LatencyHistogram();
    private final List<Thread> threads = new ArrayList<>();

    /** Client k uses {@code clients.get(firstClient + k)}. */
    Savers(Clients clients, int firstClient, int count, double rate, LongFunction<URI> target, Problems problems) {
        this.clients = clients;
        this.firstClient = firstClient;
        this.count = count;
        this.rate = rate;
        this.target = target;
        this.problems = problems;
    }

    /** Starts saving until {@code endNanos}; round trips of saves sent from {@code measuredFromNanos} on are timed. */
    void start(long measuredFromNanos, long endNanos) {
        for (int k = 0; k < count; k++) {
            int stream = k;
            var http = clients.get(firstClient + k);
            var saver = new Thread(() -> {
                var pacer = new Pacer(rate / count);
                for (long sequence = stream; System.nanoTime() < endNanos; sequence += count) {
                    pacer.await();
                    long sent = System.nanoTime();
                    if (!save(http, target.apply(sequence), sequence, sent)) return;
                    if (sent >= measuredFromNanos) roundTrips.record(System.nanoTime() - sent);
                    synchronized (expected) {
                        expected.set((int) sequence);
                    }
                    saved.incrementAndGet();
                }
            }, "saver-" + k);
            saver.start();
            threads.add(saver);
        }
    }

    void join() throws InterruptedException {
        for (var thread : threads) thread.join();
    }

    long saved() {
        return saved.get();
    }

    /** The numbers saved successfully: what every subscriber must receive. */
    BitSet expected() {
        synchronized (expected) {
            return (BitSet) expected.clone();
        }
    }

    /** Save round trips in the measured interval, in the report as {@code save_p50_ms}, {@code save_p99_ms}. */
    void into(Report report) {
        report.put("save_p50_ms", Report.round(roundTrips.percentileMillis(0.50)))
                .put("save_p99_ms", Report.round(roundTrips.percentileMillis(0.99)));
    }

    private boolean save(HttpClient http, URI saves, long sequence, long sentNanos) {
        String body = "{\"text\":\"" + Probe.marker(sequence, sentNanos)
                + "\",\"start_date\":\"2030-01-01 10:00\",\"end_date\":\"2030-01-01 11:00\"}";
        try {
            var response = http.send(HttpRequest.newBuilder(saves).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("\"inserted\"")) return true;
            problems.add("save refused: " + response.statusCode() + " " + response.body());
        } catch (IOException e) {
            problems.add("save failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
