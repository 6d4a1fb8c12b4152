package io.liveupdate.calendar;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Fires a transaction's changes once the database shows that they were committed.
 *
 * <p>Why not trust the transaction manager: when the connection to PostgreSQL breaks during COMMIT (the database
 * stopped, the network dropped), WildFly's transaction manager may report {@code STATUS_COMMITTED} to
 * synchronizations although COMMIT never reached the database (a heuristic outcome; seen through a proxy cutting the
 * connection before and after it, {@code UnconfirmedCommitIT}), and {@code STATUS_ROLLEDBACK} although the database
 * had committed (PostgreSQL stopped mid-commit, {@code DatabaseOutageIT}). Trusting it would show pages a change
 * that does not exist, or hide one that does. So the change log entry written in the transaction decides: it is looked
 * up on another thread (the committing one is still inside the transaction's completion), and the committing thread
 * fires once the answer is in, keeping the order of changes. While the database cannot answer, it is asked again
 * every {@value #RETRY_SECONDS} seconds and the changes are fired late, once, when it does; if the entry is not
 * there, they were rolled back and nobody sees them. Unanswered questions are kept in memory only: a server stopped
 * before the database returns loses them (pages then catch up from the change log, {@code live.ChannelReplay}).
 */
@ApplicationScoped
public class CommitConfirmation {

    private static final Logger LOG = Logger.getLogger(CommitConfirmation.class.getName());
    private static final long RETRY_SECONDS = 1;
    /** How long the committing thread waits for the answer before leaving the changes to the retries. */
    private static final long WAIT_SECONDS = 5;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ChangeRecords records;

    private final Set<LoggedEventChange> waiting = ConcurrentHashMap.newKeySet();

    /** Fires {@code changes} (one transaction's, however it ended) if the database has them; never throws. */
    void fireIfCommitted(List<LoggedEventChange> changes, Consumer<EventChanged> fire) {
        Boolean committed;
        try {
            committed = executor.submit(() -> isCommitted(changes)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            committed = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            committed = null;
        }
        if (committed == null) {
            LOG.warning(() -> "Cannot tell yet whether " + describe(changes) + " were committed; asking again every " + RETRY_SECONDS + " s");
            waiting.addAll(changes);
            retry(changes, fire);
        } else {
            settle(changes, committed, fire);
        }
    }

    private void retry(List<LoggedEventChange> changes, Consumer<EventChanged> fire) {
        try {
            executor.schedule(() -> {
                boolean committed;
                try {
                    committed = isCommitted(changes);
                } catch (RuntimeException e) {
                    retry(changes, fire);
                    return;
                }
                waiting.removeAll(changes);
                settle(changes, committed, fire);
            }, RETRY_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "Stopping: cannot tell whether " + describe(changes) + " were committed; pages catch up from the change log");
            waiting.removeAll(changes);
        }
    }

    /** One transaction's changes were all committed or none: its first change log entry tells for all. */
    private boolean isCommitted(List<LoggedEventChange> changes) {
        return records.wasCommitted(changes.get(0));
    }

    private static void settle(List<LoggedEventChange> changes, boolean committed, Consumer<EventChanged> fire) {
        if (committed) {
            changes.forEach(change -> fire.accept(change.change()));
        } else {
            LOG.fine(() -> "Not committed, not fired: " + describe(changes));
        }
    }

    @PreDestroy
    void stop() {
        if (!waiting.isEmpty()) LOG.warning(() -> "Stopping with " + waiting.size() + " changes whose commit is unconfirmed");
    }

    private static String describe(List<LoggedEventChange> changes) {
        return changes.stream().map(c -> c.change().kind() + " of event " + c.change().event().id() + " (#" + c.entry().seq() + ")").toList().toString();
    }
}
