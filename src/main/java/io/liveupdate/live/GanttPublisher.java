package io.liveupdate.live;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.channels.GanttChannels;
import io.liveupdate.gantt.GanttChanged;
import io.liveupdate.wire.CatchUpExt;
import io.liveupdate.wire.GanttWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After every committed chart change, publishes its message ({@link GanttChanged#message()}, as the chart reads it:
 * {@link GanttWriter#change}) on the chart's channel
 * with the change's number in {@code ext.seq} (see {@link CatchUpExt}).
 */
@ApplicationScoped
public class GanttPublisher {

    private static final Logger LOG = Logger.getLogger(GanttPublisher.class.getName());

    @Inject
    BayeuxServer bayeux;

    void onCommitted(@Observes GanttChanged change) {
        try {
            bayeux.publish(GanttChannels.updateChannel(change.gantt()), GanttWriter.change(change.message()), CatchUpExt.seq(change.seq(), change.epoch()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not publish change #" + change.seq() + " of gantt " + change.gantt(), e);
        }
    }
}
