package io.liveupdate.storage;

import io.liveupdate.bayeux.BayeuxServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Hooks the storages into the Bayeux server when the application starts, before any client connects. */
@ApplicationScoped
public class StorageSetup {

    @Inject
    BayeuxServer bayeux;
    @Inject
    StorageExtension extension;
    @Inject
    SnapshotOnSubscribe snapshots;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        bayeux.addExtension(extension);
        bayeux.addSubscriptionListener(snapshots);
    }
}
