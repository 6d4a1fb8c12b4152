package io.liveupdate.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SaveExceptionsTest {

    @Test
    void anOptimisticLockLossIsFoundAnywhereInTheChainAndNothingElseCountsAsOne() {
        assertTrue(SaveExceptions.lostOptimisticRace(new IllegalStateException(new PersistenceException(new OptimisticLockException("v")))));
        // EclipseLink's own, as its commit throws it unwrapped (its constructors are protected: a subclass here)
        assertTrue(SaveExceptions.lostOptimisticRace(new PersistenceException(new org.eclipse.persistence.exceptions.OptimisticLockException("v") { })));
        assertFalse(SaveExceptions.lostOptimisticRace(new PersistenceException(new SQLException("deadlock", "40P01"))));
    }

    @Test
    void theDatabaseRefusingForAConcurrentTransactionIsSqlStateClass40Only() {
        assertTrue(SaveExceptions.lostToAConcurrentTransaction(new PersistenceException(new SQLException("serialization", "40001"))));
        assertFalse(SaveExceptions.lostToAConcurrentTransaction(new PersistenceException(new SQLException("unique", "23505"))));
        assertFalse(SaveExceptions.lostToAConcurrentTransaction(new PersistenceException(new SQLException("no state"))));
    }

    @Test
    void aFailedCommitIsTheTransactionManagersAndTheReasonIsTheInnermostCause() {
        var commit = new RollbackException("ARJUNA016053");
        commit.initCause(new SQLException("connection refused", "08001"));
        assertTrue(SaveExceptions.failedWhileCommitting(new IllegalStateException(commit)));
        assertFalse(SaveExceptions.failedWhileCommitting(new PersistenceException(new SQLException("x"))));
        assertEquals("SQLException: connection refused", SaveExceptions.rootMessage(new IllegalStateException(commit)));
        assertEquals("IllegalStateException", SaveExceptions.rootMessage(new IllegalStateException()));
    }
}
