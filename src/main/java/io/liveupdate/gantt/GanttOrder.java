package io.liveupdate.gantt;

import io.liveupdate.persistence.ChangeLog;
import io.liveupdate.stream.DeliveredMarks;
import io.liveupdate.stream.StreamOrder;
import io.liveupdate.stream.StreamPositions;
import io.liveupdate.stream.StreamSkipped;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The charts' ordering point on this node ({@link StreamOrder}): every {@link GanttChanged} is fired from here, once,
 * in each chart's log order, read from the change log, whether this node committed it ({@link GanttChanges}) or
 * another node did (a doorbell or the periodic check, {@link StreamPositions}).
 */
@ApplicationScoped
public class GanttOrder implements DeliveredMarks {

    private static final Logger LOG = Logger.getLogger(GanttOrder.class.getName());

    @Inject
    ChangeLog log;

    @Inject
    Event<GanttChanged> changes;

    @Inject
    Event<StreamSkipped> skipped;

    @Resource
    ManagedExecutorService executor;

    private StreamOrder<GanttChanged> order;

    @PostConstruct
    void create() {
        order = new StreamOrder<>(this::read, GanttChanged::seq, GanttChanged::epoch, this::fire, this::skipped,
                (stream, epoch, delivered) -> log.renewIfBehind(stream, epoch, delivered));
    }

    private List<GanttChanged> read(String stream, long seq, int limit) {
        return log.after(stream, seq, limit).stream().map(GanttChanged::of).toList();
    }

    /** At start: what the charts already have is not delivered again (taken at the first check if the database is down). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        try {
            var now = StreamPositions.of(log.heads());
            order.baseline(chartsOf(now.lastSeqs()), now.epochs());
        } catch (RuntimeException e) {
            LOG.warning("Cannot read the charts' last change numbers at start (" + e.getMessage() + "); taken at the first check");
        }
    }

    /**
     * This node's transaction that appended change {@code seq} has ended: delivered from the log, on another thread
     * (the committing one is still inside the transaction's completion, where no connection is handed out).
     */
    void committed(String stream, long seq) {
        try {
            executor.execute(() -> advance(stream, seq, null)); // the log read carries the epoch
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "Stopping: change #" + seq + " of " + stream + " is left to the pages' catch-up");
        }
    }

    private void advance(String stream, long seq, String epoch) {
        try {
            order.advanced(stream, seq, epoch);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Cannot read the change log to deliver change #" + seq + " of " + stream + " (" + e.getMessage()
                    + "); the next check delivers it");
        }
    }

    void advanced(@Observes StreamPositions positions) {
        var charts = chartsOf(positions.lastSeqs());
        if (positions.reconcile()) order.reconcile(charts, positions.epochs());
        else charts.forEach((stream, seq) -> order.advanced(stream, seq, positions.epochs().get(stream)));
    }

    @Override
    public long delivered(String stream) {
        return GanttChanges.isGantt(stream) ? order.delivered(stream) : -1;
    }

    private static Map<String, Long> chartsOf(Map<String, Long> streams) {
        var charts = new HashMap<String, Long>();
        streams.forEach((stream, seq) -> {
            if (GanttChanges.isGantt(stream)) charts.put(stream, seq);
        });
        return charts;
    }

    private void skipped(String stream, long lastMissing, String epoch) {
        try {
            skipped.fire(new StreamSkipped(stream, lastMissing, epoch));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Telling the pages of " + stream + " to reload failed", e);
        }
    }

    private void fire(GanttChanged change) {
        try {
            changes.fire(change);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of change #" + change.seq() + " of gantt " + change.gantt() + " failed", e);
        }
    }
}
