package io.liveupdate.calendar;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Holds the changes a transaction makes and fires them as {@link EventChanged} once it has committed;
 * a rollback discards them.
 *
 * <p>Why not simply fire from the JPA callback to an AFTER_SUCCESS observer: when the code that changed an
 * event did not flush, JPA writes, and calls back, while the transaction is already committing, and a
 * transactional observer can no longer be registered then; the change would be lost silently. So the
 * transaction is enlisted earlier, when an event is loaded, persisted or removed in it, which every change
 * must be preceded by.
 *
 * <p>What is fired is what the database shows committed ({@link CommitConfirmation}): the transaction manager
 * also reports a commit whose connection broke during COMMIT, which the database may or may not have made. It is
 * fired through {@link CalendarOrder}, in log order with the changes other nodes commit.
 */
@ApplicationScoped
public class CommittedChanges {

    private static final Logger LOG = Logger.getLogger(CommittedChanges.class.getName());
    private static final Object KEY = CommittedChanges.class;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    CalendarOrder order;

    @Inject
    ChangeRecords log;

    @Inject
    CommitConfirmation confirmation;

    /** Called when the current transaction first touches an event; idempotent. */
    void enlist() {
        if (transactions.getTransactionKey() == null || transactions.getResource(KEY) != null) return;
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) return;
        var pending = new ArrayList<LoggedEventChange>();
        transactions.putResource(KEY, pending);
        transactions.registerInterposedSynchronization(new FireOnCommit(pending));
        log.markWritesAsOurs(); // before the first row write, which every touch precedes
    }

    /** Called when a change reached the database; numbers it in the change log, in the same transaction. */
    @SuppressWarnings("unchecked")
    void record(EventChanged unnumbered) {
        var logged = log.append(unnumbered);
        var change = logged.change();
        var pending = transactions.getTransactionKey() == null ? null : (List<LoggedEventChange>) transactions.getResource(KEY);
        if (pending != null) {
            pending.add(logged);
        } else if (transactions.getTransactionKey() == null) {
            fire(change); // no transaction: the write is already committed
        } else {
            LOG.warning(() -> "Change of event " + change.event().id() + " made in a transaction that was not enlisted; firing it now");
            fire(change);
        }
    }

    /** Through the calendars' ordering point, which other nodes' changes take too. */
    private void fire(EventChanged change) {
        order.committed(change);
    }

    private final class FireOnCommit implements Synchronization {
        private final List<LoggedEventChange> pending;

        FireOnCommit(List<LoggedEventChange> pending) {
            this.pending = pending;
        }

        @Override
        public void beforeCompletion() {
            // the changes are recorded while JPA writes, which may be now
        }

        @Override
        public void afterCompletion(int status) {
            // Whatever the status says: when the connection broke during COMMIT, WildFly has reported both a commit
            // the database never made and a rollback of one it had made (DatabaseOutageIT). The database decides.
            if (!pending.isEmpty()) {
                confirmation.fireIfCommitted(List.copyOf(pending), CommittedChanges.this::fire);
            }
        }
    }
}
