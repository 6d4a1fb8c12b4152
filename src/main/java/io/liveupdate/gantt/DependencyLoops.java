package io.liveupdate.gantt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A chart's dependencies as dhtmlxGantt PRO's auto scheduling sees them, and the loops among them. The community
 * package has no check of its own; PRO's ({@code gantt.isCircularLink}, {@code _getConnectedGroup}, {@code findCycles},
 * read in {@code ext/dhtmlxgantt_auto_scheduling.js}, {@code _formatLink} and {@code _getImplicitLinks}) turns every link
 * into relations between plain tasks first:
 * <ul>
 * <li>an end that is a summary task (a project, whose dates are its tasks', see {@link GanttTask#takesDatesFromChildren})
 * stands for every plain task under it, at any depth: a link into a project holds all of its tasks back, a link out of
 * one waits for all of them. So a loop can run through the tree: 3 -> project 1, and 2 (in 1) -> 3.</li>
 * <li>a link between a project and a task of its own is no relation ({@code _formatLink} returns none), so it closes
 * no loop and is let through: whether it can hold depends on its type (a start-to-start one from a project to its
 * first task always does). PRO with its auto scheduling refuses such links itself ({@code _preventDescendantLink},
 * unless {@code auto_scheduling_descendant_links}); the community package does not.</li>
 * </ul>
 * Loops are then looked for among those relations, whatever the links' types ({@link GanttRules#DEPENDENCY_TYPES}).
 */
final class DependencyLoops {

    /** A task as the loop check needs it. */
    record TaskNode(long id, long parent, boolean summary) {
    }

    /** A stored dependency (only those of {@link GanttRules#DEPENDENCY_TYPES}). */
    record Dependency(long source, long target) {
    }

    /** One relation between plain tasks, and the link it comes from. */
    private record Edge(long from, long to, Dependency link) {
    }

    private final Map<Long, TaskNode> tasks = new HashMap<>();
    private final Map<Long, List<Long>> children = new HashMap<>();
    private final Map<Long, List<Edge>> edgesFrom = new HashMap<>();

    DependencyLoops(Collection<TaskNode> chartTasks, Collection<Dependency> dependencies) {
        for (TaskNode task : chartTasks) {
            tasks.put(task.id(), task);
            children.computeIfAbsent(task.parent(), p -> new ArrayList<>()).add(task.id());
        }
        for (Dependency link : dependencies) {
            if (isDescendantLink(link.source(), link.target())) continue; // no relation, as for the client
            for (Edge edge : edgesOf(link)) edgesFrom.computeIfAbsent(edge.from(), f -> new ArrayList<>()).add(edge);
        }
    }

    /**
     * Refuses a new (or changed) dependency from {@code source} to {@code target} that would close a loop with the
     * stored ones, naming the loop.
     */
    void requireNoLoop(long source, long target) {
        if (isDescendantLink(source, target)) return; // no relation, as for the client
        var link = new Dependency(source, target);
        Map<Long, Edge> reachedBy = new HashMap<>();
        var queue = new ArrayDeque<Long>();
        Set<Long> starts = new HashSet<>(leaves(source));
        for (Edge edge : edgesOf(link)) {
            if (reachedBy.putIfAbsent(edge.to(), edge) == null) queue.add(edge.to());
        }
        while (!queue.isEmpty()) {
            long at = queue.poll();
            if (starts.contains(at)) {
                throw new GanttRefusal("a link from task " + source + " to task " + target + " would close a loop of dependencies ("
                        + describe(loopEndingAt(at, reachedBy, link)) + "): no schedule can satisfy it");
            }
            for (Edge next : edgesFrom.getOrDefault(at, List.of())) {
                if (reachedBy.putIfAbsent(next.to(), next) == null) queue.add(next.to());
            }
        }
    }

    /**
     * Refuses a change of the tree (a task moved, made a project or a plain task) after which the stored dependencies
     * hold a loop: through the tree, links that closed none before can close one now.
     */
    void requireNoLoopAfterMoving(long task) {
        findAnyLoop().ifPresent(loop -> {
            throw new GanttRefusal("this change of task " + task + " would close a loop of dependencies through the tree ("
                    + describe(loop) + "): no schedule can satisfy it");
        });
    }

    /** Any loop among the relations, as its edges in order (a depth-first search that keeps its path). */
    private Optional<List<Edge>> findAnyLoop() {
        Set<Long> done = new HashSet<>();
        for (long start : edgesFrom.keySet()) {
            if (done.contains(start)) continue;
            var loop = searchFrom(start, done);
            if (loop.isPresent()) return loop;
        }
        return Optional.empty();
    }

    private Optional<List<Edge>> searchFrom(long start, Set<Long> done) {
        List<Edge> path = new ArrayList<>();
        Map<Long, Integer> onPath = new HashMap<>(Map.of(start, 0));
        var pending = new ArrayDeque<Iterator<Edge>>();
        pending.push(edgesFrom.getOrDefault(start, List.of()).iterator());
        while (!pending.isEmpty()) {
            var edges = pending.peek();
            if (!edges.hasNext()) {
                pending.pop();
                long left = path.isEmpty() ? start : path.remove(path.size() - 1).to();
                onPath.remove(left);
                done.add(left);
                continue;
            }
            Edge edge = edges.next();
            if (onPath.containsKey(edge.to())) {
                List<Edge> loop = new ArrayList<>(path.subList(onPath.get(edge.to()), path.size()));
                loop.add(edge);
                return Optional.of(loop);
            }
            if (done.contains(edge.to())) continue;
            path.add(edge);
            onPath.put(edge.to(), path.size());
            pending.push(edgesFrom.getOrDefault(edge.to(), List.of()).iterator());
        }
        return Optional.empty();
    }

    /**
     * The loop the new link closes at {@code end}, a plain task it starts from: the path back to the new link's relation,
     * which is taken from {@code end} itself (a link out of a project leaves from each of its tasks).
     */
    private static List<Edge> loopEndingAt(long end, Map<Long, Edge> reachedBy, Dependency link) {
        List<Edge> loop = new ArrayList<>();
        Edge edge = reachedBy.get(end);
        while (edge.link() != link) {
            loop.add(0, edge);
            edge = reachedBy.get(edge.from());
        }
        loop.add(0, new Edge(end, edge.to(), link));
        return loop;
    }

    /**
     * The loop as task ids, {@code 7 -> 5 -> 6 -> 7}; a task reached or left through a project's link is followed by
     * that project, {@code 3 -> 2 (in 1) -> 3}.
     */
    private static String describe(List<Edge> loop) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < loop.size(); i++) {
            Edge in = loop.get(i);
            Edge out = loop.get((i + 1) % loop.size());
            names.add(name(in.to(), in.link().target(), out.link().source()));
        }
        names.add(0, names.get(names.size() - 1)); // the loop ends where it starts
        return String.join(" -> ", names);
    }

    private static String name(long task, long arrivedThrough, long leftThrough) {
        Set<Long> projects = new LinkedHashSet<>(List.of(arrivedThrough, leftThrough));
        projects.remove(task);
        return projects.isEmpty() ? String.valueOf(task)
                : task + " (in " + projects.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    private List<Edge> edgesOf(Dependency link) {
        List<Edge> edges = new ArrayList<>();
        for (long from : leaves(link.source())) {
            for (long to : leaves(link.target())) edges.add(new Edge(from, to, link));
        }
        return edges;
    }

    /** The plain tasks a link end stands for: itself, or every plain task under a project ({@code _getImplicitLinks}). */
    private List<Long> leaves(long end) {
        TaskNode task = tasks.get(end);
        if (task == null || !task.summary()) return List.of(end);
        List<Long> leaves = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        var queue = new ArrayDeque<>(children.getOrDefault(end, List.of()));
        while (!queue.isEmpty()) {
            long at = queue.poll();
            if (!seen.add(at)) continue; // a stored cycle in the tree must not loop forever
            if (!tasks.get(at).summary()) leaves.add(at);
            queue.addAll(children.getOrDefault(at, List.of()));
        }
        return leaves;
    }

    /** A link between a summary task and a task under it (PRO's {@code _formatLink}: no relation). */
    private boolean isDescendantLink(long source, long target) {
        return isSummary(target) && isUnder(source, target) || isSummary(source) && isUnder(target, source);
    }

    private boolean isSummary(long id) {
        TaskNode task = tasks.get(id);
        return task != null && task.summary();
    }

    private boolean isUnder(long task, long ancestor) {
        Set<Long> seen = new HashSet<>();
        for (TaskNode at = tasks.get(task); at != null && seen.add(at.id()); at = tasks.get(at.parent())) {
            if (at.parent() == ancestor) return true;
        }
        return false;
    }
}
