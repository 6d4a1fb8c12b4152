package io.liveupdate.ops;

import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The live figures ({@link LiveFigures}) as MicroProfile Metrics, named so Payara's {@code /metrics?scope=application}
 * reads like WildFly's Prometheus scrape ({@link LiveFigureMeters}): the same series names and labels, plus Payara's
 * {@code mp_scope}.
 *
 * <p>MicroProfile Metrics 5 has no counter or timer that reads a value from a function (its counters only count what
 * {@code inc()} is told, its timers only what they time themselves), and the hot path is to stay as it is. So every
 * figure is a gauge read when scraped: the counters keep their {@code _total} names but are typed {@code gauge}, and
 * a latency's count and sum are two gauges ({@code _seconds_count}, {@code _seconds_sum}) instead of one summary.
 * The registry holds what it reads strongly, so it keeps the figures alive until they are removed.
 */
final class MicroProfileFigures {

    /** Every metric name starts with this; what {@link MicroProfileMeters} removes. */
    static final String PREFIX = "liveupdate_";

    private final LiveFigures figures;

    MicroProfileFigures(LiveFigures figures) {
        this.figures = figures;
    }

    void register(MetricRegistry registry) {
        for (LiveFigures.LiveFigure figure : figures.all()) {
            String name = figure.name().replace('.', '_');
            Tag[] tags = figure.labels().entrySet().stream().map(label -> new Tag(label.getKey(), label.getValue())).toArray(Tag[]::new);
            switch (figure.kind()) {
                case GAUGE -> gauge(registry, name, MetricUnits.NONE, figure, f -> f.read().get(), tags);
                case COUNTER -> gauge(registry, name + "_total", MetricUnits.NONE, figure, f -> f.read().get(), tags);
                case MILLIS -> gauge(registry, name, MetricUnits.SECONDS, figure, f -> f.read().get().doubleValue() / 1e3, tags);
                case TIMER -> {
                    gauge(registry, name + "_seconds_count", MetricUnits.NONE, figure, f -> f.read().get(), tags);
                    gauge(registry, name + "_seconds_sum", MetricUnits.NONE, figure, f -> f.totalNanos().get().doubleValue() / 1e9, tags);
                }
            }
        }
    }

    /** Payara appends a unit other than none to the name: {@code liveupdate_save_recent_p99} is scraped as {@code ..._p99_seconds}. */
    private static void gauge(MetricRegistry registry, String name, String unit, LiveFigures.LiveFigure figure,
            Function<LiveFigures.LiveFigure, Number> read, Tag... tags) {
        registry.gauge(Metadata.builder().withName(PREFIX + name).withUnit(unit).build(), figure, read, tags);
    }
}
