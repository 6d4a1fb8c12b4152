package io.liveupdate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Side by side: the same scenarios against two servers (the JSON lines of two runs), one row per scenario, each cell
 * "ours / theirs", and the ratio where it says who is ahead (latency and CPU: theirs/ours, throughput: ours/theirs).
 */
final class Comparison {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"([^\"]*)\"|null|[-0-9.eE]+)");

    private Comparison() {
    }

    static void print(Path ours, Path theirs) throws IOException {
        var a = read(ours);
        var b = read(theirs);
        System.out.println("| scenario | subscribers | p50 ms | p99 ms | deliveries/s | server CPU µs/delivery | KB/session | lost/dup/reordered |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        a.forEach((scenario, x) -> {
            var y = b.getOrDefault(scenario, Map.of());
            System.out.println("| " + scenario + " | " + x.get("subscribers")
                    + " | " + pair(x, y, "p50_ms", false) + " | " + pair(x, y, "p99_ms", false)
                    + " | " + pair(x, y, "deliveries_per_s", true) + " | " + pair(x, y, "server_cpu_us_per_delivery", false)
                    + " | " + pair(x, y, "kb_per_session", false) + heap(x) + " | " + errors(x) + (y.isEmpty() ? "" : " / " + errors(y)) + " |");
        });
        System.out.println();
        System.out.println("Each cell: ours / Faye (×: how many times better ours is). KB/session: RSS growth (and our live heap's). Faye runs no save or RemoteEvents scenario.");
    }

    private static String pair(Map<String, String> x, Map<String, String> y, String key, boolean higherIsBetter) {
        String ours = value(x, key);
        if (ours.equals("–")) return "–";
        String theirs = value(y, key);
        if (theirs.equals("–")) return ours;
        try {
            double o = Double.parseDouble(x.get(key));
            double t = Double.parseDouble(y.get(key));
            double better = higherIsBetter ? o / t : t / o;
            return ours + " / " + theirs + String.format(Locale.ROOT, " (%.2f×)", better);
        } catch (NumberFormatException | ArithmeticException e) {
            return ours + " / " + theirs;
        }
    }

    /** A JVM's live-heap growth per session, next to the RSS figure. */
    private static String heap(Map<String, String> r) {
        String heap = value(r, "heap_kb_per_session");
        return heap.equals("–") ? "" : ", heap " + heap;
    }

    private static String errors(Map<String, String> r) {
        return value(r, "lost") + "/" + value(r, "duplicates") + "/" + value(r, "reordered");
    }

    /** The figure as printed: whole numbers from 100 up (a rate, a latency in hundreds of ms), else as measured. */
    static String value(Map<String, String> r, String key) {
        String v = r.get(key);
        if (v == null || v.equals("null")) return "–";
        try {
            double d = Double.parseDouble(v);
            return Math.abs(d) >= 100 || d == Math.rint(d) ? String.format(Locale.ROOT, "%,d", Math.round(d)) : v;
        } catch (NumberFormatException e) {
            return v;
        }
    }

    static Map<String, Map<String, String>> read(Path file) throws IOException {
        var scenarios = new LinkedHashMap<String, Map<String, String>>();
        if (!Files.exists(file)) return scenarios;
        for (String line : Files.readAllLines(file)) {
            var fields = new LinkedHashMap<String, String>();
            for (var m = FIELD.matcher(line); m.find(); ) fields.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
            if (fields.containsKey("scenario")) scenarios.put(fields.get("scenario"), fields);
        }
        return scenarios;
    }
}
