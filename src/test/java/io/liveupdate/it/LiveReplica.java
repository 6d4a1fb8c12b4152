package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.faye.FayeEvent;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one live page would show: the legacy {@code {sid, tid, status, data}} messages a Faye subscriber received
 * on a calendar's channel, applied in arrival order. The fault tests compare it with the database and check that no
 * change arrived twice.
 */
final class LiveReplica {

    private final Map<Long, JsonObject> events = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private int duplicates;

    static LiveReplica of(FayeClient client, String channel) {
        var replica = new LiveReplica();
        client.messages().stream().filter(m -> channel.equals(m.channel())).map(FayeEvent::dataObject).forEach(replica::apply);
        return replica;
    }

    /**
     * Waits until what the client received equals {@code stored} (see {@link #assertSameAs}); for changes that are
     * sent late on purpose, such as a commit confirmed only once the database is back.
     */
    static void awaitSameAs(FayeClient client, String channel, Map<Long, JsonObject> stored, String who, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                of(client, channel).assertSameAs(stored, who);
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) throw notYet;
                Thread.sleep(100);
            }
        }
    }

    private void apply(JsonObject update) {
        long id = Long.parseLong(update.getString("tid"));
        String status = update.getString("status");
        var data = update.getJsonObject("data");
        String change = id + " " + status + " " + (data.containsKey("version") ? data.getJsonNumber("version") : "");
        if (!seen.add(change)) duplicates++;
        if (status.equals("deleted")) events.remove(id);
        else events.put(id, data);
    }

    /**
     * What it shows is what is stored and nothing arrived twice, but changes it never received are allowed: returns
     * how many stored events it misses (a client away while they were committed, with nothing to catch up from).
     */
    int assertNothingWrongOrTwice(Map<Long, JsonObject> stored, String who) {
        assertEquals(0, duplicates, who + ": changes delivered twice");
        events.forEach((id, live) -> {
            var row = stored.get(id);
            assertEquals(true, row != null, who + ": shows event " + id + ", which is not stored");
            assertEquals(row.getString("text"), live.getString("text"), who + ": text of " + id);
            assertEquals(row.getJsonNumber("version"), live.getJsonNumber("version"), who + ": version of " + id);
        });
        return (int) stored.keySet().stream().filter(id -> !events.containsKey(id)).count();
    }

    /** Same events, same text and version as the load; no change delivered twice. */
    void assertSameAs(Map<Long, JsonObject> stored, String who) {
        assertEquals(0, duplicates, who + ": changes delivered twice");
        assertEquals(stored.keySet(), events.keySet(), who + ": the events it shows");
        stored.forEach((id, row) -> {
            var live = events.get(id);
            assertEquals(row.getString("text"), live.getString("text"), who + ": text of " + id);
            assertEquals(row.getJsonNumber("version"), live.getJsonNumber("version"), who + ": version of " + id);
        });
    }
}
