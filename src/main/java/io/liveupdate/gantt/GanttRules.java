package io.liveupdate.gantt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/** The chart's tree rules, apart from storage so that they can be tested alone. */
public final class GanttRules {

    /** The id of the chart's root: a task whose parent it is has none. */
    public static final long ROOT = 0;

    private GanttRules() {
    }

    /**
     * Refuses giving {@code task} the parent {@code parent} when that would make the task its own ancestor.
     *
     * @param parentOf a stored task's parent (ROOT for a top-level task), or null for a task the chart does not have
     */
    public static void requireNoCycle(long task, long parent, LongFunction<Long> parentOf) {
        Set<Long> seen = new HashSet<>();
        for (long at = parent; at != ROOT; ) {
            if (at == task) throw new GanttRefusal("task " + task + " cannot be its own ancestor (parent " + parent + ")");
            if (!seen.add(at)) throw new GanttRefusal("the chart's tree already has a cycle at task " + at);
            Long up = parentOf.apply(at);
            if (up == null) return;
            at = up;
        }
    }

    /**
     * The link types that are dependencies: the client's finish-to-start "0", start-to-start "1", finish-to-finish "2"
     * and start-to-finish "3". Each makes the target's start or finish wait for the source's, so a loop of them asks a
     * task to wait for itself: with tasks that take time, no schedule satisfies it, whatever the types (a finish-to-start
     * loop at once, a start-to-start one as soon as a lag is added), and dhtmlxGantt PRO's auto scheduling reports any
     * such loop as a circular link ({@link DependencyLoops} finds them). A page's own type names nothing the server can
     * judge, and is never checked.
     */
    public static final Set<String> DEPENDENCY_TYPES = Set.of("0", "1", "2", "3");

    /**
     * A task and all its descendants, each after its children (the order to delete them in).
     *
     * @param childrenOf a task's children
     */
    public static List<Long> subtreeDeepestFirst(long task, LongFunction<List<Long>> childrenOf) {
        List<Long> topDown = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        var queue = new ArrayDeque<Long>();
        queue.add(task);
        while (!queue.isEmpty()) {
            long at = queue.poll();
            if (!seen.add(at)) continue; // a stored cycle must not loop forever
            topDown.add(at);
            queue.addAll(childrenOf.apply(at));
        }
        Collections.reverse(topDown);
        return topDown;
    }
}
