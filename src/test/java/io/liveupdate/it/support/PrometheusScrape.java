package io.liveupdate.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a Prometheus endpoint, as Prometheus reads it: the text exposition format, one sample a line,
 * {@code name{label="value",...} value}. Comments ({@code # HELP}, {@code # TYPE}) are skipped.
 *
 * @param text the body as it came
 * @param samples every sample, keyed by its series as written ({@code name{labels}}), in the order of the text
 */
public record PrometheusScrape(String text, Map<String, Double> samples) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Scrapes {@code url}, which must answer 200. */
    public static PrometheusScrape of(URI url) {
        try {
            var response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), () -> url + " answered " + response.statusCode() + ": " + response.body());
            return parse(response.body());
        } catch (IOException e) {
            throw new AssertionError("could not scrape " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static PrometheusScrape parse(String text) {
        var samples = new LinkedHashMap<String, Double>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            Matcher m = SAMPLE.matcher(line.strip());
            if (!m.matches()) throw new AssertionError("not a Prometheus sample line: " + line);
            String series = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            if (samples.put(series, Double.parseDouble(m.group(3))) != null) throw new AssertionError("series twice in one scrape: " + series);
        }
        return new PrometheusScrape(text, samples);
    }

    /** The samples whose metric name starts with {@code prefix}. */
    public Map<String, Double> startingWith(String prefix) {
        var found = new LinkedHashMap<String, Double>();
        samples.forEach((series, value) -> {
            if (series.startsWith(prefix)) found.put(series, value);
        });
        return found;
    }

    /** The one sample of metric {@code name} whose labels include {@code labels} (name, value, name, value, ...). */
    public double value(String name, String... labels) {
        List<Map.Entry<String, Double>> matching = samples.entrySet().stream()
                .filter(e -> name(e.getKey()).equals(name) && labels(e.getKey()).entrySet().containsAll(pairs(labels).entrySet()))
                .toList();
        assertEquals(1, matching.size(), () -> "one sample of " + name + " " + pairs(labels) + ", found " + matching + " in\n" + startingWith(name));
        Double value = matching.get(0).getValue();
        assertNotNull(value);
        return value;
    }

    public static String name(String series) {
        int brace = series.indexOf('{');
        return brace < 0 ? series : series.substring(0, brace);
    }

    public static Map<String, String> labels(String series) {
        var labels = new LinkedHashMap<String, String>();
        int brace = series.indexOf('{');
        if (brace < 0) return labels;
        Matcher m = LABEL.matcher(series.substring(brace));
        while (m.find()) labels.put(m.group(1), m.group(2));
        return labels;
    }

    private static Map<String, String> pairs(String... labels) {
        var pairs = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < labels.length; i += 2) pairs.put(labels[i], labels[i + 1]);
        return pairs;
    }
}
