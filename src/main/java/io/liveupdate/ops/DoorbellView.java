package io.liveupdate.ops;

/** Reads the listener's status when the console asks. */
final class DoorbellView implements DoorbellMXBean {

    private final DoorbellHealth health;

    DoorbellView(DoorbellHealth health) {
        this.health = health;
    }

    @Override
    public String getState() {
        return health.check().state();
    }

    @Override
    public String getStateSince() {
        return health.check().status().since().toString();
    }

    @Override
    public boolean isUp() {
        return health.check().up();
    }

    @Override
    public long getLagChanges() {
        return health.check().status().lag();
    }

    @Override
    public long getMillisSinceLastCheck() {
        var look = health.check();
        return look.status().millisSinceCheck(look.now());
    }
}
