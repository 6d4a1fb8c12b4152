package io.liveupdate.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The load generator's HTTP side: a few {@link HttpClient}s (each has one selector thread, so several spread the
 * receiving over the cores), and opening many sessions at once with a bound on how many handshakes are in flight.
 */
final class Clients {

    private final List<HttpClient> clients = new ArrayList<>();
    private final int concurrency;

    Clients(int count, int concurrency) {
        for (int i = 0; i < count; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build());
        }
        this.concurrency = concurrency;
    }

    HttpClient get(int i) {
        return clients.get(Math.floorMod(i, clients.size()));
    }

    /** Opens {@code n} sessions; returns those that opened, and records why the others did not. */
    <T> List<T> open(int n, IntFunction<CompletableFuture<T>> opener, Problems problems) throws InterruptedException {
        var permits = new Semaphore(concurrency);
        var pending = new ArrayList<CompletableFuture<T>>(n);
        for (int i = 0; i < n; i++) {
            permits.acquire();
            CompletableFuture<T> session;
            try {
                session = opener.apply(i);
            } catch (RuntimeException e) {
                session = CompletableFuture.failedFuture(e);
            }
            session.whenComplete((s, e) -> permits.release());
            pending.add(session);
        }
        var opened = new ArrayList<T>(n);
        for (var session : pending) {
            try {
                opened.add(session.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                problems.add("session did not open: " + e);
            }
        }
        return opened;
    }
}
