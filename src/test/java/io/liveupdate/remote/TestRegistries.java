package io.liveupdate.remote;

import io.liveupdate.persistence.ChangeLog;
import io.liveupdate.stream.CatchUp;
import java.util.concurrent.Executor;

/** A {@link RemoteRegistry} without a container: its catch-up reads {@code log}, its positions go to {@code table}. */
final class TestRegistries {

    private TestRegistries() {
    }

    static RemoteRegistry of(ChangeLog log, int maxQueued, SharedPositions table, Executor positionWrites) {
        var settings = new RemoteSettings();
        settings.maxQueuedMessages = maxQueued;
        settings.pingIntervalSeconds = 30;
        var registry = new RemoteRegistry();
        registry.settings = settings;
        registry.closer = Runnable::run;
        registry.catchUp = new RemoteCatchUp();
        registry.catchUp.settings = settings;
        registry.catchUp.catchUp = new CatchUp(log);
        registry.shareThrough(table, positionWrites);
        return registry;
    }
}
