package io.liveupdate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The cluster benchmark's table (bench/cluster.sh): the save-to-screen latency on the saving node and on the other
 * one, the save round trips with the doorbell on and off, and the losses, from the runs' JSON lines; then the
 * issue's targets, each marked met or not.
 */
final class ClusterSummary {

    private static final double MAX_P50_BEHIND_MS = 5;
    private static final double MAX_P99_BEHIND_MS = 20;

    private ClusterSummary() {
    }

    static void print(Path jsonLines) throws IOException {
        var runs = Comparison.read(jsonLines);
        System.out.println("| run | nodes | subscribers | saves/s | saving node p50 / p99 ms | other node p50 / p99 ms | other − saving p50 / p99 ms | save round trip p50 / p99 ms | lost/dup/reordered | load avg |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        runs.forEach((name, r) -> {
            boolean cluster = r.containsKey("same_node_p50_ms");
            System.out.println("| " + name + " | " + (cluster ? v(r, "nodes") : "1") + " | " + v(r, "subscribers") + " | " + v(r, "published_per_s")
                    + " | " + (cluster ? pair(r, "same_node_p50_ms", "same_node_p99_ms") : pair(r, "p50_ms", "p99_ms"))
                    + " | " + (cluster ? pair(r, "other_node_p50_ms", "other_node_p99_ms") : "–")
                    + " | " + (cluster ? pair(r, "other_minus_same_p50_ms", "other_minus_same_p99_ms") : "–")
                    + " | " + pair(r, "save_p50_ms", "save_p99_ms")
                    + " | " + v(r, "lost") + "/" + v(r, "duplicates") + "/" + v(r, "reordered") + " | " + v(r, "load_avg") + " |");
        });
        runs.values().stream().filter(r -> r.containsKey("same_node_p50_ms")).forEach(ClusterSummary::targets);
    }

    private static void targets(Map<String, String> r) {
        System.out.println();
        System.out.println("Targets (issue 12), " + r.get("scenario") + ":");
        System.out.println("- other node's p50 at most " + MAX_P50_BEHIND_MS + " ms behind the saving node's: " + v(r, "other_minus_same_p50_ms")
                + " ms, " + met(number(r, "other_minus_same_p50_ms") <= MAX_P50_BEHIND_MS));
        System.out.println("- other node's p99 at most " + MAX_P99_BEHIND_MS + " ms behind: " + v(r, "other_minus_same_p99_ms")
                + " ms, " + met(number(r, "other_minus_same_p99_ms") <= MAX_P99_BEHIND_MS));
        boolean exact = number(r, "lost") == 0 && number(r, "duplicates") == 0 && number(r, "reordered") == 0;
        System.out.println("- zero lost, duplicated, reordered (" + v(r, "messages") + " saves, each to " + v(r, "subscribers")
                + " subscribers): " + met(exact));
    }

    private static String pair(Map<String, String> r, String a, String b) {
        return v(r, a) + " / " + v(r, b);
    }

    private static String v(Map<String, String> r, String key) {
        return Comparison.value(r, key);
    }

    /** NaN when missing, so that a run without the figure never reads as a target met. */
    private static double number(Map<String, String> r, String key) {
        try {
            return Double.parseDouble(r.get(key));
        } catch (NullPointerException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }
}
