package io.liveupdate.live;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.security.AccessControl;
import io.liveupdate.security.SecuritySettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Gives the Bayeux server the application's channel rules when the application starts, before any client connects. */
@ApplicationScoped
public class LiveSetup {

    @Inject
    BayeuxServer bayeux;
    @Inject
    BroadcastRelay relay;
    @Inject
    AccessControl access;
    @Inject
    SecuritySettings security;
    @Inject
    CatchUpExtension catchUp;
    @Inject
    CatchUpOnSubscribe catchUpOnSubscribe;

    // Before the other setups (default priority APPLICATION + 500): no storage may act on a message these refuse.
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class) Object application) {
        bayeux.setSecurityPolicy(new ChannelAuthorization(access));
        // Authentication and limits first: the relay must only see what the publisher was allowed to send.
        var authentication = new LiveAuthentication(access, bayeux::securityPolicy, bayeux::session);
        var limits = new LiveLimits(new LiveLimits.Limits(security.maxSessionsPerAddress(), security.maxSessions(),
                security.maxSubscriptionsPerSession(), security.maxSubscriptions(), security.publishesPerSecond()), bayeux::session);
        bayeux.addExtension(authentication);
        bayeux.addExtension(limits);
        bayeux.addHandshakeListener(authentication);
        bayeux.addHandshakeListener(limits);
        bayeux.addSessionListener(limits);
        bayeux.addSubscriptionListener(limits);
        bayeux.addExtension(relay);
        bayeux.addExtension(catchUp);
        bayeux.addSubscriptionListener(catchUpOnSubscribe);
    }
}
