package io.liveupdate.gantt;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GanttRulesTest {

    /** 1 -> 2 -> 3 (3's parent is 2, 2's is 1), 4 at the root. */
    private static final Map<Long, Long> PARENTS = Map.of(1L, 0L, 2L, 1L, 3L, 2L, 4L, 0L);

    @Test
    void aTaskCannotBecomeItsOwnDescendantsChild() {
        var refusal = assertThrows(GanttRefusal.class, () -> GanttRules.requireNoCycle(1, 3, PARENTS::get));
        assertTrue(refusal.getMessage().contains("own ancestor"), refusal.getMessage());
        assertThrows(GanttRefusal.class, () -> GanttRules.requireNoCycle(2, 2, PARENTS::get));
    }

    @Test
    void movingUnderAnotherBranchOrTheRootIsAllowed() {
        assertDoesNotThrow(() -> GanttRules.requireNoCycle(3, 4, PARENTS::get));
        assertDoesNotThrow(() -> GanttRules.requireNoCycle(2, GanttRules.ROOT, PARENTS::get));
        assertDoesNotThrow(() -> GanttRules.requireNoCycle(4, 3, PARENTS::get));
    }

    @Test
    void aStoredCycleIsReportedInsteadOfLoopingForever() {
        Map<Long, Long> broken = Map.of(5L, 6L, 6L, 5L);
        var refusal = assertThrows(GanttRefusal.class, () -> GanttRules.requireNoCycle(1, 5, broken::get));
        assertTrue(refusal.getMessage().contains("cycle"), refusal.getMessage());
    }

    @Test
    void aSubtreeIsDeletedChildrenBeforeTheirParents() {
        Map<Long, List<Long>> children = Map.of(1L, List.of(2L, 5L), 2L, List.of(3L), 3L, List.of(), 5L, List.of());
        List<Long> order = GanttRules.subtreeDeepestFirst(1, id -> children.getOrDefault(id, List.of()));
        assertEquals(4, order.size());
        assertEquals(1L, order.get(order.size() - 1), "the root of the subtree last");
        assertTrue(order.indexOf(3L) < order.indexOf(2L), "3 before its parent 2: " + order);
        assertEquals(List.of(7L), GanttRules.subtreeDeepestFirst(7, id -> List.of()));
    }

    @Test
    void aCycleInTheStoredTreeDoesNotRepeatTasks() {
        Map<Long, List<Long>> children = Map.of(1L, List.of(2L), 2L, List.of(1L));
        assertEquals(List.of(2L, 1L), GanttRules.subtreeDeepestFirst(1, children::get));
    }

    @Test
    void targetMovesBeforeAndNextMovesAfter() {
        assertEquals(new TaskMove(12, false), TaskMove.parse("12").orElseThrow());
        assertEquals(new TaskMove(12, true), TaskMove.parse("next:12").orElseThrow());
        assertEquals(5, TaskMove.parse("12").orElseThrow().position(5), "before the target: its place");
        assertEquals(6, TaskMove.parse("next:12").orElseThrow().position(5), "after the target: the next place");
        assertTrue(TaskMove.parse("").isEmpty());
        assertTrue(TaskMove.parse(null).isEmpty());
        assertThrows(GanttRefusal.class, () -> TaskMove.parse("next:"));
        assertThrows(GanttRefusal.class, () -> TaskMove.parse("<b>"));
    }
}
