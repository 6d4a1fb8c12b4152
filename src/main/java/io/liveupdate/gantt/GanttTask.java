package io.liveupdate.gantt;

import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.Objects;

/** One task of a chart. Its dates, when it has both, are in order; its progress is a fraction. */
@Entity
@Table(name = "gantt_task")
@NamedQuery(name = GanttTask.FIND_ALL, query = "SELECT t FROM GanttTask t WHERE t.gantt = :gantt ORDER BY t.sortOrder, t.id")
@NamedQuery(name = GanttTask.FIND_CHILDREN, query = "SELECT t.id FROM GanttTask t WHERE t.gantt = :gantt AND t.parent = :parent")
@NamedQuery(name = GanttTask.FIND_BRANCH, query = "SELECT t FROM GanttTask t WHERE t.gantt = :gantt AND t.parent = :parent ORDER BY t.sortOrder, t.id")
@NamedQuery(name = GanttTask.PARENTS_AMONG, query = "SELECT DISTINCT t.parent FROM GanttTask t WHERE t.gantt = :gantt AND t.parent IN :ids")
@NamedQuery(name = GanttTask.LAST_ORDER, query = "SELECT MAX(t.sortOrder) FROM GanttTask t WHERE t.gantt = :gantt")
public class GanttTask {

    public static final String FIND_ALL = "GanttTask.findAll";
    public static final String FIND_CHILDREN = "GanttTask.findChildren";
    public static final String LAST_ORDER = "GanttTask.lastOrder";
    public static final String FIND_BRANCH = "GanttTask.findBranch";
    /** Which of the given tasks have children. */
    public static final String PARENTS_AMONG = "GanttTask.parentsAmong";
    /**
     * Moves the chart's tasks from a place on one down, but the one moving there. Plain SQL: a JPQL bulk update
     * would also bump their versions (EclipseLink does), and refuse their pages' next edits over a change of order
     * they never see.
     */
    static final String MAKE_ROOM = "UPDATE gantt_task SET sort_order = sort_order + 1 WHERE gantt = ?1 AND sort_order >= ?2 AND id <> ?3";

    /** The client's default {@code config.types}. */
    static final String PROJECT = "project";
    static final String MILESTONE = "milestone";

    @Id
    @SequenceGenerator(name = "gantt_task_seq", sequenceName = "gantt_task_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gantt_task_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String gantt;

    @Column(nullable = false)
    private String text = "";

    @Column(name = "start_date")
    private LocalDateTime startDate;
    private Double duration;
    @Column(name = "end_date")
    private LocalDateTime endDate;
    private double progress;
    private long parent = GanttRules.ROOT;
    @Column(name = "is_open")
    private boolean open;
    @Column(name = "task_type")
    private String type;
    @Column(name = "sort_order")
    private long sortOrder;

    /** Custom fields as a JSON object text (jsonb on PostgreSQL). */
    @Column(name = "custom_fields", nullable = false)
    private String customFields = "{}";

    @Version
    private long version;

    protected GanttTask() {
        // for JPA
    }

    static GanttTask create(String gantt, TaskData data, long sortOrder) {
        var task = new GanttTask();
        task.gantt = Objects.requireNonNull(gantt);
        task.sortOrder = sortOrder;
        task.apply(data);
        return task;
    }

    /** Takes the fields the save names; the others stay. */
    void apply(TaskData data) {
        if (data.text() != null) text = data.text();
        if (data.startDate() != null) startDate = data.startDate();
        if (data.duration() != null) duration = data.duration();
        if (data.endDate() != null) endDate = data.endDate();
        if (data.progress() != null) progress = data.progress();
        if (data.parent() != null) parent = data.parent();
        if (data.open() != null) open = data.open();
        if (data.type() != null) type = data.type().isEmpty() ? null : data.type();
        if (data.custom() != null && !data.custom().isEmpty()) {
            customFields = Json.createObjectBuilder(customFields()).addAll(Json.createObjectBuilder(data.custom())).build().toString();
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new GanttRefusal("task ends (" + endDate + ") before it starts (" + startDate + ")");
        }
    }

    /** Optimistic lock as the page sees it: a save naming the version it edited is refused once another change won. */
    void requireEditedVersion(Long edited) {
        if (edited != null && edited != version) throw new StaleGanttItem("task", id, edited, version, GanttItems.task(this));
    }

    /**
     * Whether the client takes this task's dates from its children, and so reads a link to it as a link to each of them:
     * dhtmlxGantt's {@code isSummaryTask} (10.0.3, {@code src/core/data.js}, {@code getTaskTimingMode}): a project, or a
     * task other than a milestone that lacks its start or both its end and duration.
     */
    boolean takesDatesFromChildren() {
        if (PROJECT.equals(type)) return true;
        return !MILESTONE.equals(type) && (startDate == null || endDate == null && duration == null);
    }

    void moveTo(long position) {
        sortOrder = position;
    }

    public long getId() {
        return id;
    }

    public String getGantt() {
        return gantt;
    }

    public String getText() {
        return text;
    }

    public LocalDateTime getStartDate() {
        return startDate;
    }

    public Double getDuration() {
        return duration;
    }

    public LocalDateTime getEndDate() {
        return endDate;
    }

    public double getProgress() {
        return progress;
    }

    public long getParent() {
        return parent;
    }

    public boolean isOpen() {
        return open;
    }

    public String getType() {
        return type;
    }

    public long getSortOrder() {
        return sortOrder;
    }

    public long getVersion() {
        return version;
    }

    public JsonObject customFields() {
        try (var reader = Json.createReader(new StringReader(customFields))) {
            return reader.readObject();
        }
    }
}
