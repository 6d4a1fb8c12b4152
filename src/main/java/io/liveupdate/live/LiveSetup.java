package io.liveupdate.live;

import io.liveupdate.bayeux.BayeuxServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Gives the Bayeux server the application's channel rules when the application starts, before any client connects. */
@ApplicationScoped
public class LiveSetup {

    @Inject
    BayeuxServer bayeux;
    @Inject
    BroadcastRelay relay;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        bayeux.setSecurityPolicy(new ServerOwnedChannels());
        bayeux.addExtension(relay);
    }
}
