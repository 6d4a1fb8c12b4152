package io.liveupdate.gantt;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.gantt.DependencyLoops.Dependency;
import io.liveupdate.gantt.DependencyLoops.TaskNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loops of dependencies as dhtmlxGantt PRO's {@code isCircularLink} finds them, through the tree too. */
class DependencyLoopsTest {

    /** Plain tasks 1..4 at the root, dependencies 1 -> 2 -> 3, and 3 -> 4. */
    private static final List<TaskNode> PLAIN = List.of(task(1, 0), task(2, 0), task(3, 0), task(4, 0));
    private static final List<Dependency> CHAIN = List.of(link(1, 2), link(2, 3), link(3, 4));

    /**
     * Project 10 holds plain task 11 and project 12, which holds plain tasks 13 and 14; plain tasks 20 and 21 at the
     * root; a plain task 30 with a child 31 (a plain task with dates is no summary: its children are its own).
     */
    private static final List<TaskNode> TREE = List.of(project(10, 0), task(11, 10), project(12, 10), task(13, 12), task(14, 12),
            task(20, 0), task(21, 0), task(30, 0), task(31, 30));

    @Test
    void aDependencyThatClosesALoopIsRefusedWithTheLoop() {
        var loops = new DependencyLoops(PLAIN, CHAIN);
        assertRefused("4 -> 1 -> 2 -> 3 -> 4", () -> loops.requireNoLoop(4, 1));
        assertRefused("2 -> 1 -> 2", () -> loops.requireNoLoop(2, 1));
    }

    @Test
    void dependenciesWithoutALoopAreAllowed() {
        var loops = new DependencyLoops(PLAIN, CHAIN);
        assertDoesNotThrow(() -> loops.requireNoLoop(1, 4), "a shortcut");
        assertDoesNotThrow(() -> loops.requireNoLoop(5, 1), "a task the chart does not list yet");
    }

    @Test
    void aLinkIntoAProjectHoldsBackEveryTaskUnderIt() {
        // 13 (in 12, in 10) -> 20; then 20 -> project 10 would make 13 wait for itself
        var loops = new DependencyLoops(TREE, List.of(link(13, 20)));
        assertRefused("20 -> 13 (in 10) -> 20", () -> loops.requireNoLoop(20, 10));
        assertRefused("20 -> 13 (in 12) -> 20", () -> loops.requireNoLoop(20, 12));
        assertDoesNotThrow(() -> loops.requireNoLoop(20, 11), "11 is not 13");
    }

    @Test
    void aLinkOutOfAProjectWaitsForEveryTaskUnderIt() {
        // project 10 -> 20; then 20 -> 14 (under 10) closes the loop through the tree
        var loops = new DependencyLoops(TREE, List.of(link(10, 20)));
        assertRefused("20 -> 14 (in 10) -> 20", () -> loops.requireNoLoop(20, 14));
        assertDoesNotThrow(() -> loops.requireNoLoop(20, 21));
    }

    @Test
    void twoProjectsLinkedBothWaysAreALoop() {
        var loops = new DependencyLoops(List.of(project(1, 0), task(2, 1), project(3, 0), task(4, 3)), List.of(link(1, 3)));
        assertRefused("4 (in 3) -> 2 (in 1) -> 4 (in 3)", () -> loops.requireNoLoop(3, 1));
    }

    @Test
    void aPlainParentWithDatesIsLinkedItselfNotItsChildren() {
        var loops = new DependencyLoops(TREE, List.of(link(31, 20)));
        assertDoesNotThrow(() -> loops.requireNoLoop(20, 30), "the client schedules 30 apart from 31");
    }

    @Test
    void aLinkBetweenAProjectAndItsOwnTaskIsNoRelationAndClosesNoLoop() {
        // read as relations, 10 -> 11 would make 11 wait for itself; the client reads none, and neither does the server
        var loops = new DependencyLoops(TREE, List.of(link(11, 20), link(20, 21)));
        assertDoesNotThrow(() -> loops.requireNoLoop(13, 10));
        assertDoesNotThrow(() -> loops.requireNoLoop(10, 11));
        assertRefused("21 -> 11 (in 10) -> 20 -> 21", () -> loops.requireNoLoop(21, 10));
    }

    @Test
    void storedLinksBetweenAProjectAndItsOwnTasksAreNoRelation() {
        // as the client reads them: no relation at all, so they close no loop either
        var loops = new DependencyLoops(TREE, List.of(link(10, 11), link(11, 10)));
        assertDoesNotThrow(() -> loops.requireNoLoop(20, 21));
        assertDoesNotThrow(() -> loops.requireNoLoopAfterMoving(11));
    }

    @Test
    void movingATaskUnderALinkedProjectCanCloseALoop() {
        // 20 -> project 10 and 21 -> 20: moving 21 under 10 makes 10's link hold 21 back behind itself
        List<Dependency> links = List.of(link(20, 10), link(21, 20));
        assertDoesNotThrow(() -> new DependencyLoops(TREE, links).requireNoLoopAfterMoving(21));
        var moved = List.of(project(10, 0), task(11, 10), project(12, 10), task(13, 12), task(14, 12), task(20, 0), task(21, 10));
        var refusal = assertThrows(GanttRefusal.class, () -> new DependencyLoops(moved, links).requireNoLoopAfterMoving(21));
        assertTrue(refusal.getMessage().contains("through the tree") && refusal.getMessage().contains("21 (in 10) -> 20")
                && refusal.getMessage().contains("20 -> 21 (in 10)"),
                refusal.getMessage());
    }

    @Test
    void aLoopAlreadyStoredElsewhereDoesNotHangTheCheck() {
        var loops = new DependencyLoops(PLAIN, List.of(link(1, 2), link(2, 1)));
        assertDoesNotThrow(() -> loops.requireNoLoop(7, 1));
    }

    @Test
    void aCycleInTheStoredTreeDoesNotHangTheCheck() {
        var loops = new DependencyLoops(List.of(project(1, 2), project(2, 1), task(3, 0)), List.of(link(3, 1)));
        assertDoesNotThrow(() -> loops.requireNoLoop(1, 3), "no plain task under either: the links stand for nothing");
    }

    @Test
    void aTaskIsASummaryAsTheClientReadsIt() {
        var start = java.time.LocalDateTime.of(2025, 1, 15, 0, 0);
        assertTrue(task("project", start, 1.0).takesDatesFromChildren(), "a project, whatever its dates");
        assertFalse(task(null, start, 1.0).takesDatesFromChildren(), "a task with a start and a duration");
        assertTrue(task(null, null, 1.0).takesDatesFromChildren(), "no start: taken from its children");
        assertTrue(task(null, start, null).takesDatesFromChildren(), "neither end nor duration");
        assertFalse(task("milestone", null, null).takesDatesFromChildren(), "a milestone never is");
    }

    private static GanttTask task(String type, java.time.LocalDateTime start, Double duration) {
        return GanttTask.create("g", new TaskData("t", start, duration, null, null, 0L, null, type, null, null, null), 1);
    }

    private static void assertRefused(String expected, org.junit.jupiter.api.function.Executable save) {
        var refusal = assertThrows(GanttRefusal.class, save);
        assertTrue(refusal.getMessage().contains(expected), refusal.getMessage());
    }

    private static TaskNode task(long id, long parent) {
        return new TaskNode(id, parent, false);
    }

    private static TaskNode project(long id, long parent) {
        return new TaskNode(id, parent, true);
    }

    private static Dependency link(long source, long target) {
        return new Dependency(source, target);
    }
}
