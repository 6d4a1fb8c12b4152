package io.liveupdate.live;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.calendar.EventChanged;
import io.liveupdate.channels.CalendarChannels;
import io.liveupdate.wire.CatchUpExt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After every committed change, publishes the legacy {@code {sid, tid, status, data}} message on the calendar's update
 * channel, with the change's number in {@code ext.seq} and its epoch in {@code ext.epoch} (see {@link CatchUpExt}).
 */
@ApplicationScoped
public class LegacyUpdatePublisher {

    private static final Logger LOG = Logger.getLogger(LegacyUpdatePublisher.class.getName());

    @Inject
    BayeuxServer bayeux;
    @Inject
    RecentPublications recent;

    void onCommitted(@Observes EventChanged change) {
        String calendar = change.event().calendar();
        try {
            var payload = LegacyUpdatePayload.of(change);
            recent.remember(calendar, payload.getString("tid"), payload.getString("status"));
            bayeux.publish(CalendarChannels.updateChannel(calendar), payload, change.seq() > 0 ? CatchUpExt.seq(change.seq(), change.epoch()) : null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not publish the change of event " + change.event().id(), e);
        }
    }
}
