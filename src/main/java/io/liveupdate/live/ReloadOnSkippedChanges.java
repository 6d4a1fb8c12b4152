package io.liveupdate.live;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.stream.StreamSkipped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * When this node can no longer deliver changes its pages have not had ({@link StreamSkipped}), every session
 * subscribed to the stream's channels gets the reload signal catch-up sends ({@code ext:{seq, epoch, reload:true}},
 * {@link ChannelReplay#reload}), before the next change: the page reloads and carries on, instead of going on
 * silently without what it missed.
 */
@ApplicationScoped
public class ReloadOnSkippedChanges {

    private static final Logger LOG = Logger.getLogger(ReloadOnSkippedChanges.class.getName());

    @Inject
    BayeuxServer bayeux;
    @Inject
    ChannelReplay replay;

    void skipped(@Observes StreamSkipped skipped) {
        int told = replay.reload(bayeux.sessions(), skipped.stream(), skipped.lastMissing(), skipped.epoch());
        LOG.info(() -> told + " subscriptions to " + skipped.stream() + " told to reload after change " + skipped.lastMissing());
    }
}
