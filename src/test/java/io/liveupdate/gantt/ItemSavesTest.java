package io.liveupdate.gantt;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonValue;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What becomes of a save of a task or link that fails: tried again only as a delete losing a race, otherwise told as a kind. */
class ItemSavesTest {

    private final ItemSaves saves = new ItemSaves();

    /** A save whose first {@code failures} runs throw {@code failure}. */
    private static final class Failing implements GanttSave {
        final AtomicInteger runs = new AtomicInteger();
        final int failures;
        final boolean deletes;
        final Exception failure;

        Failing(int failures, boolean deletes, Exception failure) {
            this.failures = failures;
            this.deletes = deletes;
            this.failure = failure;
        }

        @Override
        public SavedItem run() {
            if (runs.incrementAndGet() <= failures) sneakyThrow(failure);
            return new SavedItem("deleted", 7, JsonValue.EMPTY_JSON_OBJECT);
        }

        @Override
        public boolean deletes() {
            return deletes;
        }

        @Override
        public String entity() {
            return GanttService.TASK;
        }

        @Override
        public OptionalLong itemId() {
            return OptionalLong.empty(); // as an insert: no stored item to look up without a database
        }

        @SuppressWarnings("unchecked")
        private static <E extends Exception> void sneakyThrow(Exception e) throws E {
            throw (E) e;
        }
    }

    @Test
    void aDeleteThatLosesRacesIsRunAgainUntilItsThirdAttempt() {
        var save = new Failing(2, true, new OptimisticLockException("lost"));

        assertInstanceOf(ItemSaveResult.Saved.class, saves.save("g", save));
        assertEquals(3, save.runs.get());
    }

    @Test
    void aDeadlockOnPostgreSqlIsARaceToo() {
        var save = new Failing(1, true, new IllegalStateException("flush", new SQLException("deadlock detected", "40P01")));

        assertInstanceOf(ItemSaveResult.Saved.class, saves.save("g", save));
        assertEquals(2, save.runs.get());
    }

    @Test
    void aDeleteStillLosingOnItsThirdAttemptGivesUp() {
        var save = new Failing(3, true, new OptimisticLockException("lost"));

        assertThrows(OptimisticLockException.class, () -> ItemSaves.runRetryingDeletes(save));
        assertEquals(ItemSaves.DELETE_ATTEMPTS, save.runs.get());
    }

    @Test
    void anUpdateLosingARaceIsRunOnce() {
        var save = new Failing(1, false, new OptimisticLockException("lost"));

        assertThrows(OptimisticLockException.class, () -> ItemSaves.runRetryingDeletes(save));
        assertEquals(1, save.runs.get());
    }

    @Test
    void theChartsRefusalsAreToldAsKinds() {
        var stored = jakarta.json.Json.createObjectBuilder().add("id", 7).add("version", 4).build();
        assertFailure(GanttFailure.INVALID, "a rule", new GanttRefusal("a rule"));
        assertFailure(GanttFailure.UNKNOWN, new UnknownGanttItem("g", "task", 7).getMessage(), new UnknownGanttItem("g", "task", 7));
        var stale = new StaleGanttItem("task", 7, 3, 4, stored);
        var refused = assertFailure(GanttFailure.STALE, stale.getMessage(), new IllegalStateException("wrapped", stale));
        assertSame(stored, refused.current());
    }

    @Test
    void aFailedCommitIsNotSavedAndSaysWhy() {
        var refused = assertFailure(GanttFailure.FAILED, "not saved: RollbackException: the database is gone",
                new RollbackException("the database is gone"));
        assertNull(refused.current());
    }

    private ItemSaveResult.Refused assertFailure(GanttFailure kind, String reason, Exception failure) {
        var save = new Failing(1, false, failure);
        var refused = assertInstanceOf(ItemSaveResult.Refused.class, saves.save("g", save));
        assertEquals(kind, refused.failure());
        assertEquals(reason, refused.reason());
        assertSame(failure, refused.cause());
        return refused;
    }
}
