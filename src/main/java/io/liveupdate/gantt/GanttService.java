package io.liveupdate.gantt;

import io.liveupdate.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saves and loads a chart's tasks and links, each save in a transaction of its own: a refused save leaves nothing
 * behind, and the saves of one chart run one at a time ({@link GanttChanges#lock}), so that each is checked against
 * every other one committed. The rules: a parent is a task of the same chart and never the task itself or one of its
 * descendants; a link joins two tasks of its chart and closes no loop of dependencies, through the tree too
 * ({@link DependencyLoops}); deleting a task deletes its subtree and every link of those tasks; {@code target} moves a
 * task in the chart's order. Every change is numbered and published through {@link GanttChanges}.
 */
@ApplicationScoped
public class GanttService {

    public static final String TASK = "task";
    public static final String LINK = "link";
    /** What marks a task whose children a branch-loading page has not loaded yet. */
    public static final String HAS_CHILD = "$has_child";

    @PersistenceContext(unitName = "liveupdate")
    EntityManager em;

    @Inject
    GanttChanges changes;

    /** @param clientReference the saving page's temporary id, or null; live messages carry it as {@code sid} */
    @Transactional(TxType.REQUIRES_NEW)
    public SavedItem insertTask(String gantt, TaskData data, String clientReference) {
        changes.lock(gantt);
        if (data.parent() != null) requireParent(gantt, data.parent());
        Long last = em.createNamedQuery(GanttTask.LAST_ORDER, Long.class).setParameter("gantt", gantt).getSingleResult();
        var task = GanttTask.create(gantt, data, last == null ? 1 : last + 1);
        em.persist(task);
        if (task.getParent() != GanttRules.ROOT) requireNoLoopThroughTheTree(gantt, task);
        if (data.move() != null) move(gantt, task, data.move());
        em.flush();
        JsonObject item = GanttItems.task(task);
        changes.added(gantt, TASK, item, clientReference);
        return new SavedItem("inserted", task.getId(), item);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public SavedItem updateTask(String gantt, long id, TaskData data) {
        changes.lock(gantt);
        var task = requireTask(gantt, id);
        task.requireEditedVersion(data.version());
        if (data.parent() != null && data.parent() != task.getParent()) {
            requireParent(gantt, data.parent());
            GanttRules.requireNoCycle(id, data.parent(), at -> parentOf(gantt, at));
        }
        long parentBefore = task.getParent();
        boolean summaryBefore = task.takesDatesFromChildren();
        task.apply(data);
        if (task.getParent() != parentBefore || task.takesDatesFromChildren() != summaryBefore) {
            requireNoLoopThroughTheTree(gantt, task);
        }
        if (data.move() != null) move(gantt, task, data.move());
        em.flush();
        JsonObject item = GanttItems.task(task);
        changes.updated(gantt, TASK, item);
        return new SavedItem("updated", id, item);
    }

    /**
     * Deletes the task, its descendants and every link of them (what the client does locally with
     * {@code cascade_delete}; with it on, the client's own deletes of those then find nothing). A task the chart does
     * not have (already deleted with its parent) is answered deleted: the page wants it gone, and it is.
     *
     * @param editedVersion the version the page deleted, or null to delete whatever is stored
     */
    @Transactional(TxType.REQUIRES_NEW)
    public SavedItem deleteTask(String gantt, long id, Long editedVersion) {
        changes.lock(gantt);
        var task = findTask(gantt, id);
        if (task == null) return new SavedItem("deleted", id, GanttItems.idOnly(id));
        task.requireEditedVersion(editedVersion);
        List<Long> subtree = GanttRules.subtreeDeepestFirst(id, at -> children(gantt, at));
        for (long member : subtree) {
            for (GanttLink link : em.createNamedQuery(GanttLink.FIND_OF_TASK, GanttLink.class).setParameter("gantt", gantt)
                    .setParameter("task", member).getResultList()) {
                em.remove(link);
                em.flush();
                changes.deleted(gantt, LINK, link.getId());
            }
        }
        for (long member : subtree) {
            var doomed = member == id ? task : em.find(GanttTask.class, member);
            if (doomed == null) continue; // the client's own delete of it (cascade_delete on) committed meanwhile
            em.remove(doomed);
            em.flush();
            changes.deleted(gantt, TASK, member);
        }
        return new SavedItem("deleted", id, GanttItems.idOnly(id));
    }

    @Transactional(TxType.REQUIRES_NEW)
    public SavedItem insertLink(String gantt, LinkData data, String clientReference) {
        changes.lock(gantt);
        var link = GanttLink.create(gantt, data);
        requireEnds(gantt, link);
        requireNoLinkCycle(gantt, link, null);
        em.persist(link);
        em.flush();
        JsonObject item = GanttItems.link(link);
        changes.added(gantt, LINK, item, clientReference);
        return new SavedItem("inserted", link.getId(), item);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public SavedItem updateLink(String gantt, long id, LinkData data) {
        changes.lock(gantt);
        var link = em.find(GanttLink.class, id);
        if (link == null || !link.getGantt().equals(gantt)) throw new UnknownGanttItem(gantt, LINK, id);
        link.requireEditedVersion(data.version());
        link.apply(data);
        requireEnds(gantt, link);
        requireNoLinkCycle(gantt, link, id);
        em.flush();
        JsonObject item = GanttItems.link(link);
        changes.updated(gantt, LINK, item);
        return new SavedItem("updated", id, item);
    }

    /** A link the chart does not have (deleted with its task) is answered deleted, as a task is. */
    @Transactional(TxType.REQUIRES_NEW)
    public SavedItem deleteLink(String gantt, long id, Long editedVersion) {
        changes.lock(gantt);
        var link = em.find(GanttLink.class, id);
        if (link != null && link.getGantt().equals(gantt)) {
            link.requireEditedVersion(editedVersion);
            em.remove(link);
            em.flush();
            changes.deleted(gantt, LINK, id);
        }
        return new SavedItem("deleted", id, GanttItems.idOnly(id));
    }

    /** {@code {"data":[tasks in the chart's order],"links":[links]}}. */
    @Transactional(TxType.SUPPORTS)
    public JsonObject load(String gantt) {
        var tasks = Json.createArrayBuilder();
        em.createNamedQuery(GanttTask.FIND_ALL, GanttTask.class).setParameter("gantt", gantt).getResultList()
                .forEach(task -> tasks.add(GanttItems.task(task)));
        var links = Json.createArrayBuilder();
        em.createNamedQuery(GanttLink.FIND_ALL, GanttLink.class).setParameter("gantt", gantt).getResultList()
                .forEach(link -> links.add(GanttItems.link(link)));
        return Json.createObjectBuilder().add("data", tasks).add("links", links).build();
    }

    /**
     * One branch, for dhtmlxGantt PRO's branch loading ({@code config.branch_loading}): the children of {@code parent}
     * ({@link GanttRules#ROOT} for the top level) in the chart's order, each that has children of its own marked
     * {@value #HAS_CHILD} (the client's default {@code branch_loading_property}: it asks for that branch when the task
     * is opened), and every link of those tasks. A link between two branches comes with each; the client keeps one.
     */
    @Transactional(TxType.SUPPORTS)
    public JsonObject branch(String gantt, long parent) {
        List<GanttTask> children = em.createNamedQuery(GanttTask.FIND_BRANCH, GanttTask.class).setParameter("gantt", gantt)
                .setParameter("parent", parent).getResultList();
        var tasks = Json.createArrayBuilder();
        var links = Json.createArrayBuilder();
        if (!children.isEmpty()) {
            List<Long> ids = children.stream().map(GanttTask::getId).toList();
            List<Long> parents = em.createNamedQuery(GanttTask.PARENTS_AMONG, Long.class).setParameter("gantt", gantt).setParameter("ids", ids)
                    .getResultList();
            for (GanttTask child : children) {
                JsonObject task = GanttItems.task(child);
                tasks.add(parents.contains(child.getId()) ? Json.createObjectBuilder(task).add(HAS_CHILD, true).build() : task);
            }
            em.createNamedQuery(GanttLink.FIND_OF_TASKS, GanttLink.class).setParameter("gantt", gantt).setParameter("tasks", ids)
                    .getResultList().forEach(link -> links.add(GanttItems.link(link)));
        }
        return Json.createObjectBuilder().add("data", tasks).add("links", links).build();
    }

    /** The stored task or link ({@link GanttItems}), if this chart has it (what a refused page is shown). */
    @Transactional(TxType.SUPPORTS)
    public Optional<JsonObject> stored(String gantt, String entity, long id) {
        if (TASK.equals(entity)) return Optional.ofNullable(findTask(gantt, id)).map(GanttItems::task);
        var link = em.find(GanttLink.class, id);
        return link == null || !link.getGantt().equals(gantt) ? Optional.empty() : Optional.of(GanttItems.link(link));
    }

    /** The target's place, and every task from there on one down (their versions stay: see {@link GanttTask#MAKE_ROOM}). */
    private void move(String gantt, GanttTask task, TaskMove move) {
        var target = findTask(gantt, move.target());
        if (target == null) throw new GanttRefusal("target task " + move.target() + " is not in gantt '" + gantt + "'");
        if (target.getId() == task.getId()) return;
        long position = move.position(target.getSortOrder());
        em.flush();
        em.createNativeQuery(GanttTask.MAKE_ROOM).setParameter(1, gantt).setParameter(2, position).setParameter(3, task.getId()).executeUpdate();
        task.moveTo(position);
    }

    private void requireParent(String gantt, long parent) {
        if (parent != GanttRules.ROOT && findTask(gantt, parent) == null) {
            throw new GanttRefusal("parent task " + parent + " is not in gantt '" + gantt + "'");
        }
    }

    private void requireEnds(String gantt, GanttLink link) {
        for (long end : new long[] {link.getSource(), link.getTarget()}) {
            if (findTask(gantt, end) == null) throw new GanttRefusal("link end: task " + end + " is not in gantt '" + gantt + "'");
        }
    }

    /** Refuses a link that would close a loop of dependencies, through the tree too; {@code saved}: the updated link, or null. */
    private void requireNoLinkCycle(String gantt, GanttLink link, Long saved) {
        if (!GanttRules.DEPENDENCY_TYPES.contains(link.getType())) return;
        dependencies(gantt, saved).requireNoLoop(link.getSource(), link.getTarget());
    }

    /**
     * Refuses a change of the tree after which the chart's dependencies hold a loop: a task moved under a project, or
     * made one (or no longer one), takes part in the links of that project from then on.
     */
    private void requireNoLoopThroughTheTree(String gantt, GanttTask task) {
        dependencies(gantt, null).requireNoLoopAfterMoving(task.getId());
    }

    /** The chart's tasks and dependencies as they stand in this transaction; {@code leftOut} (a link being changed) or null. */
    private DependencyLoops dependencies(String gantt, Long leftOut) {
        List<DependencyLoops.TaskNode> tasks = new ArrayList<>();
        for (GanttTask task : em.createNamedQuery(GanttTask.FIND_ALL, GanttTask.class).setParameter("gantt", gantt).getResultList()) {
            tasks.add(new DependencyLoops.TaskNode(task.getId(), task.getParent(), task.takesDatesFromChildren()));
        }
        List<DependencyLoops.Dependency> links = new ArrayList<>();
        for (GanttLink other : em.createNamedQuery(GanttLink.FIND_ALL, GanttLink.class).setParameter("gantt", gantt).getResultList()) {
            if (GanttRules.DEPENDENCY_TYPES.contains(other.getType()) && !Long.valueOf(other.getId()).equals(leftOut)) {
                links.add(new DependencyLoops.Dependency(other.getSource(), other.getTarget()));
            }
        }
        return new DependencyLoops(tasks, links);
    }

    private GanttTask requireTask(String gantt, long id) {
        var task = findTask(gantt, id);
        if (task == null) throw new UnknownGanttItem(gantt, TASK, id);
        return task;
    }

    private GanttTask findTask(String gantt, long id) {
        var task = em.find(GanttTask.class, id);
        return task == null || !task.getGantt().equals(gantt) ? null : task;
    }

    private Long parentOf(String gantt, long id) {
        var task = findTask(gantt, id);
        return task == null ? null : task.getParent();
    }

    private List<Long> children(String gantt, long id) {
        return em.createNamedQuery(GanttTask.FIND_CHILDREN, Long.class).setParameter("gantt", gantt).setParameter("parent", id).getResultList();
    }
}
