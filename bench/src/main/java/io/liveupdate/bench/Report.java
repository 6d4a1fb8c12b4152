package io.liveupdate.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One scenario's figures, printed as readable text and as one JSON line ({@code JSON {...}}) for scripts. */
final class Report {

    private final Map<String, Object> figures = new LinkedHashMap<>();

    Report put(String name, Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) value = null;
        figures.put(name, value);
        return this;
    }

    /** Latency percentiles, in milliseconds. */
    Report latency(LatencyHistogram histogram) {
        return latency("", histogram);
    }

    /** Latency percentiles, in milliseconds, named {@code <prefix>p50_ms} and so on. */
    Report latency(String prefix, LatencyHistogram histogram) {
        put(prefix + "samples", histogram.count());
        put(prefix + "p50_ms", round(histogram.percentileMillis(0.50)));
        put(prefix + "p99_ms", round(histogram.percentileMillis(0.99)));
        put(prefix + "p999_ms", round(histogram.percentileMillis(0.999)));
        put(prefix + "max_ms", round(histogram.percentileMillis(1.0)));
        return this;
    }

    /** Server CPU per delivery and server RSS between two samples of the server process. */
    Report server(ProcessStats before, ProcessStats after, long deliveries, double seconds) {
        if (!before.measured() || !after.measured()) return this;
        long cpu = after.cpuNanos() - before.cpuNanos();
        put("server_cpu_cores", round(cpu / 1e9 / seconds));
        if (deliveries > 0) put("server_cpu_us_per_delivery", round(cpu / 1e3 / deliveries));
        put("server_rss_mb", round(after.rssBytes() / 1048576.0));
        return this;
    }

    Report client(ProcessStats before, ProcessStats after, double seconds) {
        if (before.measured() && after.measured()) put("client_cpu_cores", round((after.cpuNanos() - before.cpuNanos()) / 1e9 / seconds));
        return this;
    }

    static double round(double value) {
        if (Double.isNaN(value)) return value;
        double scale = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 10 ? 10 : 100;
        return Math.round(value * scale) / scale;
    }

    String text() {
        var text = new StringBuilder();
        figures.forEach((k, v) -> text.append(text.length() == 0 ? "" : "  ").append(k).append('=').append(v));
        return text.toString();
    }

    String json() {
        var json = new StringBuilder("{");
        figures.forEach((k, v) -> {
            if (json.length() > 1) json.append(',');
            json.append('"').append(k).append("\":");
            if (v == null) json.append("null");
            else if (v instanceof Number n) json.append(n instanceof Double d ? String.format(Locale.ROOT, "%s", d) : n.toString());
            else json.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        });
        return json.append('}').toString();
    }
}
