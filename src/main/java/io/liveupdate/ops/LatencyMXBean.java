package io.liveupdate.ops;

/**
 * One latency: {@code io.liveupdate:type=Latency,name=Save|Broadcast,app=<context>}. Count and mean over the whole
 * run; percentiles and max over the latest 1024 operations.
 */
public interface LatencyMXBean {

    long getCount();

    double getMeanMillis();

    double getP50Millis();

    double getP95Millis();

    double getP99Millis();

    double getMaxMillis();
}
