package io.liveupdate.ops;

import io.liveupdate.bayeux.BayeuxFigures;
import io.liveupdate.remote.RemoteFigures;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * The one place the live figures' views are made, for every way they are shown: the console's MXBeans
 * ({@link ConsoleMBeans}) and the scrapes' figures ({@link LiveFigures}). The views are stateless readers of the
 * hooks, so each user may hold its own.
 */
@Dependent
public class LiveViews {

    @Inject
    BayeuxFigures bayeux;
    @Inject
    RemoteFigures remote;
    @Inject
    OpsMetrics metrics;
    @Inject
    DoorbellHealth doorbell;

    SessionsView sessions() {
        return new SessionsView(bayeux, remote, metrics.bayeux());
    }

    MessagesView messages() {
        return new MessagesView(bayeux, metrics);
    }

    DoorbellView doorbell() {
        return new DoorbellView(doorbell);
    }

    DoorbellHealth doorbellHealth() {
        return doorbell;
    }

    OpsMetrics metrics() {
        return metrics;
    }
}
