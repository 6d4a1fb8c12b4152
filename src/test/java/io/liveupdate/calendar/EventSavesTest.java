package io.liveupdate.calendar;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What becomes of a save that fails: tried again only as an overwrite losing a race, otherwise told as a kind. */
class EventSavesTest {

    private final EventSaves saves = new EventSaves();

    /** A save whose first {@code failures} runs throw what {@code failure} makes. */
    private static final class Failing implements EventSave {
        final AtomicInteger runs = new AtomicInteger();
        final int failures;
        final boolean overwrites;
        final RuntimeException failure;

        Failing(int failures, boolean overwrites, RuntimeException failure) {
            this.failures = failures;
            this.overwrites = overwrites;
            this.failure = failure;
        }

        @Override
        public SavedEvent run() {
            if (runs.incrementAndGet() <= failures) throw failure;
            return new SavedEvent(SaveAction.UPDATED, null);
        }

        @Override
        public boolean overwrites() {
            return overwrites;
        }

        @Override
        public long eventId() {
            return 7;
        }
    }

    @Test
    void anOverwriteThatLosesRacesIsAppliedAgainUntilItsThirdAttempt() {
        var save = new Failing(2, true, new OptimisticLockException("lost"));

        assertInstanceOf(SaveResult.Saved.class, saves.save("c", save));
        assertEquals(3, save.runs.get());
    }

    @Test
    void anOverwriteStillLosingOnItsThirdAttemptGivesUp() {
        var save = new Failing(3, true, new OptimisticLockException("lost"));

        assertThrows(OptimisticLockException.class, () -> EventSaves.runRetryingOverwrites(save));
        assertEquals(EventSaves.OVERWRITE_ATTEMPTS, save.runs.get());
    }

    @Test
    void aSaveNamingAVersionOrFailingOtherwiseIsRunOnce() {
        var versioned = new Failing(1, false, new OptimisticLockException("lost"));
        assertThrows(OptimisticLockException.class, () -> EventSaves.runRetryingOverwrites(versioned));
        assertEquals(1, versioned.runs.get());

        var broken = new Failing(1, true, new IllegalStateException("boom"));
        assertThrows(IllegalStateException.class, () -> EventSaves.runRetryingOverwrites(broken));
        assertEquals(1, broken.runs.get());
    }

    @Test
    void aFailedCommitIsNotConfirmedAndSaysWhy() {
        var save = new Failing(1, true, new IllegalStateException("commit", new RollbackException("the database is gone")));

        var refused = assertInstanceOf(SaveResult.Refused.class, saves.save("c", save));
        assertEquals(SaveFailure.NOT_CONFIRMED, refused.failure());
        assertEquals("not confirmed: the database failed while committing (RollbackException: the database is gone);"
                + " it may have been saved, and is then sent live like any change", refused.reason());
        assertSame(save.failure, refused.cause());
    }

    @Test
    void wrongDataUnknownEventsAndOtherFailuresAreToldApart() {
        var invalid = assertInstanceOf(SaveResult.Refused.class, saves.save("c", new Failing(1, true, new InvalidEventException("end_date before start_date"))));
        assertEquals(SaveFailure.INVALID, invalid.failure());
        assertEquals("end_date before start_date", invalid.reason());

        var unknown = assertInstanceOf(SaveResult.Refused.class, saves.save("c", new Failing(1, true, new UnknownEventException("c", 9))));
        assertEquals(SaveFailure.UNKNOWN, unknown.failure());

        var failed = assertInstanceOf(SaveResult.Refused.class, saves.save("c", new Failing(1, true, new IllegalStateException("boom"))));
        assertEquals(SaveFailure.FAILED, failed.failure());
        assertEquals("not saved: IllegalStateException: boom", failed.reason());
    }
}
