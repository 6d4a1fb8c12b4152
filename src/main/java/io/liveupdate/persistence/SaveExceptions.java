package io.liveupdate.persistence;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;

/**
 * What a failed save's exception says, for the domains' save runners ({@code calendar.EventSaves},
 * {@code gantt.ItemSaves}), which turn it into a failure kind: JPA, EclipseLink, JTA and JDBC wrap each other in any
 * order, so each question walks the whole cause chain.
 */
public final class SaveExceptions {

    private SaveExceptions() {
    }

    /** A concurrent commit changed or removed the row first (JPA's or EclipseLink's optimistic lock exception). */
    public static boolean lostOptimisticRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) return true;
        }
        return false;
    }

    /** The database refused the transaction for a concurrent one (SQLSTATE class 40: serialization failure, deadlock). */
    public static boolean lostToAConcurrentTransaction(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) return true;
        }
        return false;
    }

    /** The work was done and the commit itself failed: only the transaction manager throws these. */
    public static boolean failedWhileCommitting(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RollbackException || t instanceof HeuristicMixedException || t instanceof HeuristicRollbackException) return true;
        }
        return false;
    }

    /** The innermost cause, as "Type: message", for a refusal's reason and the log. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
