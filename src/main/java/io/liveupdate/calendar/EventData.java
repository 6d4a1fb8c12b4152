package io.liveupdate.calendar;

import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a client sent for one event, already typed: the known fields it named (a null value clears one)
 * and its custom fields. Fields it did not name are left as they are on update.
 */
public final class EventData {

    private final Map<EventField, Object> known;
    private final Map<String, JsonValue> custom;

    private EventData(Map<EventField, Object> known, Map<String, JsonValue> custom) {
        this.known = Collections.unmodifiableMap(known);
        this.custom = Collections.unmodifiableMap(custom);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean has(EventField field) {
        return known.containsKey(field);
    }

    /** The typed value of a known field, or null when absent or cleared. */
    public <T> T get(EventField field, Class<T> type) {
        return type.cast(known.get(field));
    }

    public Map<String, JsonValue> custom() {
        return custom;
    }

    public static final class Builder {
        private final Map<EventField, Object> known = new EnumMap<>(EventField.class);
        private final Map<String, JsonValue> custom = new LinkedHashMap<>();

        public Builder set(EventField field, Object value) {
            known.put(Objects.requireNonNull(field), value);
            return this;
        }

        public Builder custom(String name, JsonValue value) {
            custom.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public EventData build() {
            return new EventData(new EnumMap<>(known), new LinkedHashMap<>(custom));
        }
    }
}
