package io.liveupdate.ops;

/** Each attribute read takes a fresh snapshot; JConsole reads them one by one, and the recorder is cheap to copy. */
final class LatencyView implements LatencyMXBean {

    private final LatencyRecorder recorder;

    LatencyView(LatencyRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public long getCount() {
        return recorder.snapshot().count();
    }

    @Override
    public double getMeanMillis() {
        return recorder.snapshot().meanMillis();
    }

    @Override
    public double getP50Millis() {
        return recorder.snapshot().p50Millis();
    }

    @Override
    public double getP95Millis() {
        return recorder.snapshot().p95Millis();
    }

    @Override
    public double getP99Millis() {
        return recorder.snapshot().p99Millis();
    }

    @Override
    public double getMaxMillis() {
        return recorder.snapshot().maxMillis();
    }
}
