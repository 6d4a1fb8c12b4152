package io.liveupdate.it.support;

import io.liveupdate.it.Http;
import io.liveupdate.it.TestCalendar;
import jakarta.json.JsonNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Saves on one calendar from a thread of its own, as a busy colleague would: inserts, updates and deletes through
 * REST-JSON, at random. Each answered save is exactly one committed change; a refused or failed request (e.g. while
 * the server restarts) changes nothing and is not counted.
 */
public final class CalendarWriter implements AutoCloseable {

    private final Http http;
    private final TestCalendar calendar;
    private final String text;
    private final Random random = new Random(7);
    private final List<Long> ids = new ArrayList<>();
    private final AtomicInteger committed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong lastCommitNanos = new AtomicLong();
    private final Thread thread;
    private volatile int limit;
    private volatile long pauseMillis;
    private volatile boolean stopped;

    public CalendarWriter(Http http, TestCalendar calendar, int textLength) {
        this.http = http;
        this.calendar = calendar;
        this.text = "x".repeat(Math.max(1, textLength));
        this.thread = new Thread(this::run, "calendar-writer-" + calendar.name);
        this.thread.setDaemon(true);
    }

    /** Waits this long between saves (0 by default: as fast as the server answers). */
    public CalendarWriter pause(long millis) {
        this.pauseMillis = millis;
        return this;
    }

    /** Starts saving until {@code changes} have committed or {@link #close()}. */
    public CalendarWriter start(int changes) {
        this.limit = changes;
        thread.start();
        return this;
    }

    /** Committed changes so far; each has the next number in the calendar's change log. */
    public int committed() {
        return committed.get();
    }

    public int failed() {
        return failed.get();
    }

    /** Waits until the writer has made its changes (or was closed). */
    public void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    public boolean isDone() {
        return !thread.isAlive();
    }

    private void run() {
        while (!stopped && committed.get() < limit) {
            try {
                if (pauseMillis > 0) Thread.sleep(pauseMillis);
                if (saveOnce()) {
                    committed.incrementAndGet();
                    lastCommitNanos.set(System.nanoTime());
                } else {
                    failed.incrementAndGet();
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | AssertionError e) {
                failed.incrementAndGet();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private boolean saveOnce() {
        int choice = ids.isEmpty() ? 0 : random.nextInt(10);
        int minute = random.nextInt(50);
        String body = "{\"start_date\":\"2025-04-01 09:" + pad(minute) + "\",\"end_date\":\"2025-04-01 10:" + pad(minute)
                + "\",\"text\":\"" + text + " " + random.nextInt(1000) + "\"}";
        if (choice < 5) {
            var answer = http.post(calendar.url, Http.JSON, body);
            if (answer.statusCode() != 200) return false;
            var json = Http.json(answer);
            if (!"inserted".equals(json.getString("action", "")) || !(json.get("tid") instanceof JsonNumber tid)) return false;
            ids.add(tid.longValue());
            return true;
        }
        long id = ids.get(random.nextInt(ids.size()));
        if (choice < 8) {
            var answer = http.put(calendar.url + "/" + id, Http.JSON, body);
            return answer.statusCode() == 200 && "updated".equals(Http.json(answer).getString("action", ""));
        }
        var answer = http.delete(calendar.url + "/" + id);
        boolean deleted = answer.statusCode() == 200 && "deleted".equals(Http.json(answer).getString("action", ""));
        if (deleted) ids.remove(id);
        return deleted;
    }

    private static String pad(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(30_000);
    }
}
