package io.liveupdate.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.TimeUnit;

/**
 * The live figures ({@link LiveFigures}) as Micrometer meters, named for Prometheus: Micrometer turns
 * {@code liveupdate.messages.received} into {@code liveupdate_messages_received_total} (a counter), a timer into
 * {@code _seconds_count} and {@code _seconds_sum}. (WildFly adds its own {@code WF_DEPLOYMENT} label.)
 *
 * <p>Only function-style registrations ({@code gauge(name, tags, obj, fn)}, {@code more().counter/timer/timeGauge})
 * are used: WildFly 39's per-deployment registry drops meters registered with builders ({@code Gauge.builder(..)
 * .register(registry)}) without a word (WFLY-21339, fixed in 40). Micrometer holds the measured objects weakly, so
 * this object keeps the figures alive for as long as it is registered.
 */
final class LiveFigureMeters {

    /** Every meter name starts with this; what {@link MicrometerPublication} removes. */
    static final String PREFIX = "liveupdate.";

    private final LiveFigures figures;

    LiveFigureMeters(LiveFigures figures) {
        this.figures = figures;
    }

    void register(MeterRegistry registry) {
        for (LiveFigures.LiveFigure figure : figures.all()) {
            String name = PREFIX + figure.name();
            Tags tags = Tags.of(figure.labels().entrySet().stream().map(label -> Tag.of(label.getKey(), label.getValue())).toList());
            switch (figure.kind()) {
                case GAUGE -> registry.gauge(name, tags, figure, LiveFigureMeters::value);
                case COUNTER -> registry.more().counter(name, tags, figure, LiveFigureMeters::value);
                case MILLIS -> registry.more().timeGauge(name, tags, figure, TimeUnit.MILLISECONDS, LiveFigureMeters::value);
                case TIMER -> registry.more().timer(name, tags, figure, f -> f.read().get().longValue(),
                        f -> f.totalNanos().get().doubleValue(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private static double value(LiveFigures.LiveFigure figure) {
        return figure.read().get().doubleValue();
    }
}
