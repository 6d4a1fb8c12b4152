package io.liveupdate.calendar;

import io.liveupdate.input.LogSafe;
import io.liveupdate.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which custom fields a company's table keeps in columns of their own (docs/own-table.md, "Custom fields in columns
 * of their own"), and the type of each: the virtual attributes its mapping adds to {@link SchedulerEvent}. A custom
 * field so named is stored in its column, typed as the column's attribute says (form modes send every value as
 * text, so text is read as the number or flag it spells); any other goes to the JSON column, or is refused when the
 * mapping has none, since it would be lost silently at the next load. The WAR's own table has no such column.
 */
public final class CustomColumns {

    /** The WAR's own mapping: every custom field in the JSON column. */
    public static final CustomColumns NONE = new CustomColumns(Map.of(), true);

    private static final Set<Class<?>> WHOLE = Set.of(Long.class, Integer.class, Short.class, BigInteger.class);
    private static final Set<Class<?>> SUPPORTED = Set.of(String.class, Boolean.class, Long.class, Integer.class,
            Short.class, BigInteger.class, BigDecimal.class, Double.class, Float.class);

    /** attribute-type="int" and the like: EclipseLink stores into the wrapper just the same. */
    private static final Map<Class<?>, Class<?>> PRIMITIVES = Map.of(boolean.class, Boolean.class, long.class, Long.class,
            int.class, Integer.class, short.class, Short.class, double.class, Double.class, float.class, Float.class);

    private final Map<String, Class<?>> types;
    private final boolean jsonColumn;

    /**
     * @param types      each column's custom field and the Java type its mapping gives it
     * @param jsonColumn whether the mapping keeps a JSON column ({@code customFields}) for the other custom fields
     * @throws IllegalStateException for a type a page's JSON cannot carry both ways (a date, say)
     */
    public CustomColumns(Map<String, Class<?>> types, boolean jsonColumn) {
        Map<String, Class<?>> wrapped = new LinkedHashMap<>();
        types.forEach((name, type) -> wrapped.put(name, PRIMITIVES.getOrDefault(type, type)));
        wrapped.forEach((name, type) -> {
            if (!SUPPORTED.contains(type)) {
                throw new IllegalStateException("the custom field column " + name + " is mapped as " + type.getName()
                        + "; a custom field column must be a String, a whole or decimal number, or a Boolean");
            }
        });
        this.types = Map.copyOf(wrapped);
        this.jsonColumn = jsonColumn;
    }

    public boolean isColumn(String field) {
        return types.containsKey(field);
    }

    public Set<String> names() {
        return types.keySet();
    }

    /** Refuses a custom field that has neither a column nor a JSON column to go to. */
    public void requireStorable(String field) {
        if (!isColumn(field) && !jsonColumn) {
            throw new InvalidEventException("custom field " + LogSafe.quoted(field) + " has no column in this calendar's table"
                    + " (its columns: " + String.join(", ", types.keySet().stream().sorted().toList()) + ")");
        }
    }

    /** The value a page sent, as its column's attribute holds it; null clears the column. */
    public Object typed(String field, JsonValue value) {
        Class<?> type = types.get(field);
        if (type == null) throw new IllegalArgumentException(field + " is not a column");
        if (value == null || value == JsonValue.NULL) return null;
        if (type == String.class) {
            if (value instanceof JsonString s) return s.getString();
            throw new InvalidEventException(field + " " + LogSafe.quoted(value) + " is not a text");
        }
        if (type == Boolean.class) return flag(field, value);
        return number(field, type, value);
    }

    private static Boolean flag(String field, JsonValue value) {
        if (value == JsonValue.TRUE) return true;
        if (value == JsonValue.FALSE) return false;
        // form modes write false as ""
        if (value instanceof JsonString s) {
            switch (s.getString().trim().toLowerCase(Locale.ROOT)) {
                case "true", "1": return true;
                case "false", "0", "": return false;
                default: break;
            }
        }
        throw new InvalidEventException(field + " " + LogSafe.quoted(text(value)) + " is not true or false");
    }

    private static Object number(String field, Class<?> type, JsonValue value) {
        BigDecimal number;
        if (value instanceof JsonNumber n) {
            number = n.bigDecimalValue();
        } else if (value instanceof JsonString s) {
            if (s.getString().isBlank()) return null;
            try {
                number = new BigDecimal(s.getString().trim());
            } catch (NumberFormatException e) {
                throw notA(field, type, value);
            }
        } else {
            throw notA(field, type, value);
        }
        try {
            if (type == Long.class) return number.longValueExact();
            if (type == Integer.class) return number.intValueExact();
            if (type == Short.class) return number.shortValueExact();
            if (type == BigInteger.class) return number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw notA(field, type, value);
        }
        if (type == BigDecimal.class) return number;
        double d = number.doubleValue();
        if (Double.isInfinite(d) || (type == Float.class && Float.isInfinite((float) d))) throw notA(field, type, value);
        return type == Float.class ? (Object) (float) d : (Object) d;
    }

    private static InvalidEventException notA(String field, Class<?> type, JsonValue value) {
        String what = WHOLE.contains(type) ? "a whole number in range" : "a number";
        return new InvalidEventException(field + " " + LogSafe.quoted(text(value)) + " is not " + what);
    }

    /** A column's value as a page reads it: JSON text, number or boolean. */
    public static JsonValue json(Object value) {
        if (value instanceof String s) return Json.createValue(s);
        if (value instanceof Boolean b) return b ? JsonValue.TRUE : JsonValue.FALSE;
        if (value instanceof BigDecimal d) return Json.createValue(d);
        if (value instanceof BigInteger i) return Json.createValue(i);
        // a float as it prints (1.1), not as the double it widens to (1.100000023841858)
        if (value instanceof Float f) return Json.createValue(new BigDecimal(f.toString()));
        if (value instanceof Double d) return Json.createValue(d);
        if (value instanceof Number n) return Json.createValue(n.longValue());
        throw new IllegalArgumentException("not a custom field column's value: " + value.getClass().getName());
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
