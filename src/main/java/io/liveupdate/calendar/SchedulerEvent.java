package io.liveupdate.calendar;

import static io.liveupdate.calendar.EventField.*;

import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.persistence.annotations.VirtualAccessMethods;

/**
 * One scheduler record: a plain event, a recurring series, an exception to a series, or a deleted
 * occurrence. Recurrence comes in two formats (RRULE, legacy rec_type), both kept as the client sent them.
 */
@Entity
@Table(name = "scheduler_event")
@EntityListeners(EventChangeListener.class)
// Custom fields in columns of a company's table: an external orm.xml maps them as virtual attributes, kept in
// `columns` (CustomColumns, docs/own-table.md); the WAR's own table has none.
@VirtualAccessMethods(get = "getColumn", set = "setColumn")
@NamedQuery(name = SchedulerEvent.FIND_ALL,
        query = "SELECT e FROM SchedulerEvent e WHERE e.calendar = :calendar ORDER BY e.startDate, e.id")
// A series is stored from its first start to its last end, so the overlap test finds it; an exception is
// also wanted when the occurrence it replaces falls in the range.
@NamedQuery(name = SchedulerEvent.FIND_IN_RANGE,
        query = "SELECT e FROM SchedulerEvent e WHERE e.calendar = :calendar AND ((e.startDate < :to AND e.endDate > :from)"
                + " OR (e.originalStart >= :from AND e.originalStart < :to)) ORDER BY e.startDate, e.id")
@NamedQuery(name = SchedulerEvent.FIND_EXCEPTIONS,
        query = "SELECT e FROM SchedulerEvent e WHERE e.calendar = :calendar AND (e.recurringEventId = :series OR e.eventPid = :series)")
public class SchedulerEvent {

    public static final String FIND_ALL = "SchedulerEvent.findAll";
    public static final String FIND_IN_RANGE = "SchedulerEvent.findInRange";
    public static final String FIND_EXCEPTIONS = "SchedulerEvent.findExceptions";

    /** The legacy rec_type of a deleted occurrence. */
    static final String LEGACY_DELETED = "none";

    @Id
    @SequenceGenerator(name = "scheduler_event_seq", sequenceName = "scheduler_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scheduler_event_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String calendar;

    @Column(name = "start_date", nullable = false)
    private LocalDateTime startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDateTime endDate;

    @Column(nullable = false)
    private String text = "";

    private String rrule;
    private Long duration;
    @Column(name = "recurring_event_id")
    private Long recurringEventId;
    @Column(name = "original_start")
    private LocalDateTime originalStart;
    private boolean deleted;

    @Column(name = "rec_type")
    private String recType;
    @Column(name = "event_pid")
    private Long eventPid;
    @Column(name = "event_length")
    private Long eventLength;

    /** Custom fields as a JSON object text (jsonb on PostgreSQL). */
    @Column(name = "custom_fields", nullable = false)
    private String customFields = "{}";

    @Version
    private long version;

    /** The custom fields the table keeps in columns of their own, by attribute name; EclipseLink loads and saves them. */
    @Transient
    private final Map<String, Object> columns = new HashMap<>();

    /** The saving client's own id for this row (not stored): lets live clients match the insert they made. */
    @Transient
    private String clientReference;

    protected SchedulerEvent() {
        // for JPA
    }

    /** A new record of the WAR's own table (every custom field in the JSON column); it must be complete and valid. */
    public static SchedulerEvent create(String calendar, EventData data) {
        return create(calendar, data, CustomColumns.NONE);
    }

    /** A new record from what a client sent, on a table with these custom field columns; complete and valid. */
    public static SchedulerEvent create(String calendar, EventData data, CustomColumns customColumns) {
        var event = new SchedulerEvent();
        event.calendar = Objects.requireNonNull(calendar);
        event.apply(data, customColumns);
        return event;
    }

    /**
     * Applies the fields a client named, merges its custom fields (into their columns, or the JSON column), and
     * checks the result.
     */
    public void apply(EventData data, CustomColumns customColumns) {
        if (data.has(START_DATE)) startDate = data.get(START_DATE, LocalDateTime.class);
        if (data.has(END_DATE)) endDate = data.get(END_DATE, LocalDateTime.class);
        if (data.has(TEXT)) text = Objects.requireNonNullElse(data.get(TEXT, String.class), "");
        if (data.has(RRULE)) rrule = data.get(RRULE, String.class);
        if (data.has(DURATION)) duration = data.get(DURATION, Long.class);
        if (data.has(RECURRING_EVENT_ID)) recurringEventId = data.get(RECURRING_EVENT_ID, Long.class);
        if (data.has(ORIGINAL_START)) originalStart = data.get(ORIGINAL_START, LocalDateTime.class);
        if (data.has(DELETED)) deleted = Boolean.TRUE.equals(data.get(DELETED, Boolean.class));
        if (data.has(REC_TYPE)) recType = data.get(REC_TYPE, String.class);
        if (data.has(EVENT_PID)) eventPid = data.get(EVENT_PID, Long.class);
        if (data.has(EVENT_LENGTH)) eventLength = data.get(EVENT_LENGTH, Long.class);
        applyCustomFields(data.custom(), customColumns);
        checkInvariants();
    }

    private void checkInvariants() {
        if (startDate == null) throw new InvalidEventException("start_date is required");
        if (endDate == null) throw new InvalidEventException("end_date is required");
        if (endDate.isBefore(startDate)) {
            throw new InvalidEventException("end_date " + endDate + " is before start_date " + startDate);
        }
        if (text.indexOf('\0') >= 0) throw new InvalidEventException("text contains a NUL character");
    }

    private void applyCustomFields(Map<String, JsonValue> changes, CustomColumns customColumns) {
        Map<String, JsonValue> inJson = new LinkedHashMap<>();
        changes.forEach((name, value) -> {
            if (CustomFields.isPageState(name)) return;
            customColumns.requireStorable(name);
            if (!customColumns.isColumn(name)) {
                inJson.put(name, value);
                return;
            }
            String problem = CustomFields.problem(name, value);
            if (problem != null) throw new InvalidEventException(problem);
            columns.put(name, customColumns.typed(name, value));
        });
        if (!inJson.isEmpty()) customFields = mergedCustomFields(inJson).toString();
    }

    /**
     * The stored fields with the changes applied. A page's own state is never stored, and a colour that is not one
     * is refused ({@link CustomFields}); what an older row holds of either is dropped when it is next saved.
     */
    private JsonObject mergedCustomFields(Map<String, JsonValue> changes) {
        changes.forEach((name, value) -> {
            String problem = CustomFields.problem(name, value);
            if (problem != null) throw new InvalidEventException(problem);
        });
        JsonObjectBuilder merged = Json.createObjectBuilder(CustomFields.shown(jsonColumn()));
        changes.forEach((name, value) -> {
            if (!CustomFields.isPageState(name)) merged.add(name, value);
        });
        return merged.build();
    }

    /**
     * Optimistic lock as the client sees it: a save that names the version it edited is refused when the row has
     * changed since; one that names none (other code, an old page) overwrites, last write wins.
     */
    public void requireEditedVersion(Long edited) {
        if (edited != null && edited != version) throw new StaleEventException(view(), edited);
    }

    /** A marker that hides one occurrence of a series (RRULE deleted flag or legacy rec_type "none"). */
    public boolean isDeletedOccurrence() {
        return deleted || LEGACY_DELETED.equals(recType);
    }

    /** An exception belongs to a series: it replaces or deletes one occurrence. */
    public boolean isException() {
        return recurringEventId != null || (eventPid != null && eventPid != 0);
    }

    /** A series carries a rule and belongs to no other series. */
    public boolean isSeries() {
        boolean hasRule = (rrule != null && !rrule.isBlank())
                || (recType != null && !recType.isBlank() && !LEGACY_DELETED.equals(recType));
        return hasRule && !isException();
    }

    /** Deleting an exception keeps it, marked deleted, so the occurrence stays hidden. */
    public void markOccurrenceDeleted() {
        if (recurringEventId != null) {
            deleted = true;
        } else {
            recType = LEGACY_DELETED;
        }
    }

    /** Remembers, for the change event, the id the saving client knows this row by. */
    public void rememberClientReference(String reference) {
        this.clientReference = reference;
    }

    String clientReference() {
        return clientReference;
    }

    public EventView view() {
        return new EventView(id, calendar, startDate, endDate, text, rrule, duration, recurringEventId,
                originalStart, deleted, recType, eventPid, eventLength, customFields(), version);
    }

    /**
     * The JSON column's fields, and over them the columns': a column's field is the column's whatever the JSON
     * holds under its name, and a NULL column leaves the field out, as an unset field is (the outside-writes
     * triggers build it the same way).
     */
    private JsonObject customFields() {
        JsonObject inJson = jsonColumn();
        if (columns.isEmpty()) return inJson;
        JsonObjectBuilder all = Json.createObjectBuilder(inJson);
        columns.forEach((name, value) -> {
            if (value == null) all.remove(name);
            else all.add(name, CustomColumns.json(value));
        });
        return all.build();
    }

    /** The JSON column's fields alone: what a save merges into (the columns' fields never join them). */
    private JsonObject jsonColumn() {
        try (var reader = Json.createReader(new StringReader(customFields))) {
            return reader.readObject();
        }
    }

    /** EclipseLink's read of a virtual attribute ({@link VirtualAccessMethods}); not for the WAR's own code. */
    @SuppressWarnings("unchecked")
    public <T> T getColumn(String name) {
        return (T) columns.get(name);
    }

    /** EclipseLink's write of a virtual attribute, as it loads or copies a row; not for the WAR's own code. */
    public Object setColumn(String name, Object value) {
        return columns.put(name, value);
    }

    public Long getId() {
        return id;
    }

    public String getCalendar() {
        return calendar;
    }
}
