package io.liveupdate.it.support;

import io.liveupdate.it.faye.FayeEvent;
import jakarta.json.JsonObject;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What one live client ends up showing, rebuilt from what it was handed (the {@code delivered}, {@code message} and
 * {@code reload} events of a Faye client with the catch-up extension), and how its numbered changes went: how many
 * were passed on, repeated (applied twice) or skipped (missed), and how many reloads it was told to do.
 */
public final class LiveReplica {

    public final Map<Long, String> texts = new TreeMap<>();
    public int delivered;
    public int repeated;
    public int missed;
    public int reloads;
    public long lastSeq;

    /**
     * @param events the client's events, in order
     * @param channel the calendar channel
     * @param reload what a reload loads (the calendar's stored events by id), as the page would
     */
    public static LiveReplica of(List<FayeEvent> events, String channel, Supplier<Map<Long, JsonObject>> reload) {
        var replica = new LiveReplica();
        for (FayeEvent event : events) {
            if (!channel.equals(event.json().getString("channel", null))) continue;
            if (event.is("reload")) {
                replica.reloads++;
                replica.lastSeq = event.json().getJsonNumber("seq").longValue();
                replica.texts.clear();
                reload.get().forEach((id, row) -> replica.texts.put(id, row.getString("text")));
            } else if (event.is("delivered")) {
                long seq = event.json().getJsonNumber("seq").longValue();
                replica.delivered++;
                if (seq <= replica.lastSeq) replica.repeated++;
                else replica.missed += (int) (seq - replica.lastSeq - 1);
                replica.lastSeq = Math.max(replica.lastSeq, seq);
            } else if (event.is("message")) {
                replica.apply(event.dataObject());
            }
        }
        return replica;
    }

    private void apply(JsonObject update) {
        long tid = Long.parseLong(update.getString("tid"));
        switch (update.getString("status")) {
            case "inserted", "updated" -> texts.put(tid, update.getJsonObject("data").getString("text"));
            case "deleted" -> texts.remove(tid);
            default -> throw new AssertionError("unexpected status in " + update);
        }
    }

    /** The stored events' texts by id, as the client should show them. */
    public static Map<Long, String> textsOf(Map<Long, JsonObject> stored) {
        var texts = new HashMap<Long, String>();
        stored.forEach((id, row) -> texts.put(id, row.getString("text")));
        return new TreeMap<>(texts);
    }

    /** The number of the calendar's last committed change, read from the database itself. */
    public static long committedSeq(String calendar) {
        return committedSeqOf("calendar:" + calendar);
    }

    /** The number of the last committed change of a change log stream ({@code calendar:<name>}, {@code storage:<channel>}). */
    public static long committedSeqOf(String stream) {
        try (var db = DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"), "");
                var select = db.prepareStatement("SELECT last_seq FROM change_stream WHERE stream = ?")) {
            select.setString(1, stream);
            try (var rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read the change log: " + e, e);
        }
    }

    /** The epoch of a change log stream (what {@code ext.epoch} says), read from the database itself; null without one. */
    public static String epochOf(String stream) {
        try (var db = DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"), "");
                var select = db.prepareStatement("SELECT epoch FROM change_stream WHERE stream = ?")) {
            select.setString(1, stream);
            try (var rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read the change log: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "delivered " + delivered + ", repeated " + repeated + ", missed " + missed + ", reloads " + reloads + ", last " + lastSeq;
    }
}
