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
import java.util.Objects;

/** A dependency between two tasks of the same chart (checked by {@link GanttService}, which sees both). */
@Entity
@Table(name = "gantt_link")
@NamedQuery(name = GanttLink.FIND_ALL, query = "SELECT l FROM GanttLink l WHERE l.gantt = :gantt ORDER BY l.id")
@NamedQuery(name = GanttLink.FIND_OF_TASK, query = "SELECT l FROM GanttLink l WHERE l.gantt = :gantt AND (l.source = :task OR l.target = :task) ORDER BY l.id")
@NamedQuery(name = GanttLink.FIND_OF_TASKS, query = "SELECT l FROM GanttLink l WHERE l.gantt = :gantt AND (l.source IN :tasks OR l.target IN :tasks) ORDER BY l.id")
public class GanttLink {

    public static final String FIND_ALL = "GanttLink.findAll";
    public static final String FIND_OF_TASK = "GanttLink.findOfTask";
    public static final String FIND_OF_TASKS = "GanttLink.findOfTasks";
    /** The client's finish-to-start, what a link without a type is. */
    static final String FINISH_TO_START = "0";

    @Id
    @SequenceGenerator(name = "gantt_link_seq", sequenceName = "gantt_link_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gantt_link_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String gantt;

    private long source;
    private long target;
    @Column(name = "link_type", nullable = false)
    private String type = FINISH_TO_START;

    @Column(name = "custom_fields", nullable = false)
    private String customFields = "{}";

    @Version
    private long version;

    protected GanttLink() {
        // for JPA
    }

    static GanttLink create(String gantt, LinkData data) {
        if (data.source() == null || data.target() == null) throw new GanttRefusal("a link needs a source and a target task");
        var link = new GanttLink();
        link.gantt = Objects.requireNonNull(gantt);
        link.apply(data);
        return link;
    }

    void apply(LinkData data) {
        if (data.source() != null) source = data.source();
        if (data.target() != null) target = data.target();
        if (data.type() != null) type = data.type().isEmpty() ? FINISH_TO_START : data.type();
        if (data.custom() != null && !data.custom().isEmpty()) {
            customFields = Json.createObjectBuilder(customFields()).addAll(Json.createObjectBuilder(data.custom())).build().toString();
        }
        if (source == target) throw new GanttRefusal("a link cannot join task " + source + " to itself");
    }

    void requireEditedVersion(Long edited) {
        if (edited != null && edited != version) throw new StaleGanttItem("link", id, edited, version, GanttItems.link(this));
    }

    public long getId() {
        return id;
    }

    public String getGantt() {
        return gantt;
    }

    public long getSource() {
        return source;
    }

    public long getTarget() {
        return target;
    }

    public String getType() {
        return type;
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
