package io.liveupdate.calendar;

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
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The calendars' ordering point on this node ({@link StreamOrder}): every {@link EventChanged} is fired from here,
 * once, in each calendar's log order, whether this node committed it ({@link CommittedChanges}) or another node did
 * (a doorbell or the periodic check, {@link StreamPositions}). So a page on any node sees every calendar change, and
 * this node's change #6 cannot overtake another node's #5.
 */
@ApplicationScoped
public class CalendarOrder implements DeliveredMarks {

    private static final Logger LOG = Logger.getLogger(CalendarOrder.class.getName());
    private static final long READ_SECONDS = 10;

    @Inject
    ChangeLog log;

    @Inject
    Event<EventChanged> changes;

    @Inject
    Event<StreamSkipped> skipped;

    private StreamOrder<EventChanged> order;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void create() {
        order = new StreamOrder<>(this::read, EventChanged::seq, EventChanged::epoch, this::fire, this::skipped, (stream, epoch, delivered) -> log.renewIfBehind(stream, epoch, delivered));
    }

    /**
     * The log's changes after {@code seq}. A local commit arrives while its thread is still inside the transaction's
     * completion, where the datasource hands out no connection (see {@link CommitConfirmation}): there the log is
     * read on another thread.
     */
    private List<EventChanged> read(String stream, long seq, int limit) {
        if (transactions.getTransactionKey() == null) return readNow(stream, seq, limit);
        try {
            return executor.submit(() -> readNow(stream, seq, limit)).get(READ_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the change log of " + stream, e);
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            throw new IllegalStateException("Cannot read the change log of " + stream + ": " + e, e);
        }
    }

    private List<EventChanged> readNow(String stream, long seq, int limit) {
        return log.after(stream, seq, limit).stream().map(ChangeRecords::fromJson).toList();
    }

    /**
     * At start, before any change can arrive: what the calendars already have is not delivered again. If the database
     * is down now, the first check of the doorbell listener takes the baseline instead.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        try {
            var now = StreamPositions.of(log.heads());
            order.baseline(calendarsOf(now.lastSeqs()), now.epochs());
        } catch (RuntimeException e) {
            LOG.warning("Cannot read the calendars' last change numbers at start (" + e.getMessage() + "); taken at the first check");
        }
    }

    /** A change this node committed, confirmed by the database. */
    void committed(EventChanged change) {
        if (change.seq() <= 0) { // not in the log: nothing to order it by
            fire(change);
            return;
        }
        try {
            order.committed(ChangeRecords.streamOf(change.event().calendar()), change);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Cannot read the change log to deliver change #" + change.seq() + " of " + change.event().calendar()
                    + " in order (" + e.getMessage() + "); the next check delivers it");
        }
    }

    void advanced(@Observes StreamPositions positions) {
        var calendars = calendarsOf(positions.lastSeqs());
        if (positions.reconcile()) order.reconcile(calendars, positions.epochs());
        else calendars.forEach((stream, seq) -> order.advanced(stream, seq, positions.epochs().get(stream)));
    }

    /** For the listener's lag: the calendars' marks; -1 for a stream that is not a calendar's. */
    @Override
    public long delivered(String stream) {
        return stream.startsWith(ChangeRecords.PREFIX) ? order.delivered(stream) : -1;
    }

    private static Map<String, Long> calendarsOf(Map<String, Long> streams) {
        var calendars = new HashMap<String, Long>();
        streams.forEach((stream, seq) -> {
            if (stream.startsWith(ChangeRecords.PREFIX)) calendars.put(stream, seq);
        });
        return calendars;
    }

    /** Changes this node can no longer deliver, or a new epoch: the live layer tells the calendar's pages to reload. */
    private void skipped(String stream, long lastMissing, String epoch) {
        try {
            skipped.fire(new StreamSkipped(stream, lastMissing, epoch));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Telling the pages of " + stream + " to reload failed", e);
        }
    }

    private void fire(EventChanged change) {
        try {
            changes.fire(change);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of the change of event " + change.event().id() + " failed", e);
        }
    }
}
