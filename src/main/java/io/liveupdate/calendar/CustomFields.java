package io.liveupdate.calendar;

import io.liveupdate.json.Json;
import io.liveupdate.input.LogSafe;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which custom fields a page may have stored and handed back. dhtmlxScheduler 7 concatenates some event properties
 * into HTML without escaping them: {@code _text_style} into a {@code style='..'} attribute, {@code color} and
 * {@code textColor} into the same attribute as CSS variables (agenda, map, month and timeline bars). A stored value
 * with a quote leaves the attribute and adds markup that runs script in every page that shows the event. So:
 * <ul>
 * <li>names starting with {@code _} or {@code $} are a page's own state (the scheduler's {@code _text_style},
 * {@code _sday}, its dataProcessor never sends them; {@code $new}, Webix's {@code $css}): never stored, never
 * handed out;</li>
 * <li>{@code color} and {@code textColor} must be a CSS colour (a name, {@code #hex}, {@code rgb()}-like functions of
 * numbers, {@code var(--name)}): refused on save otherwise, and left out of loads and live payloads if a row stored
 * before this rule holds anything else.</li>
 * </ul>
 */
public final class CustomFields {

    /** The properties the scheduler writes into a style attribute unescaped. */
    static final Set<String> COLOUR_FIELDS = Set.of("color", "textColor");
    private static final int MAX_COLOUR_LENGTH = 100;
    /** Anchored alternatives of bounded, disjoint runs with possessive quantifiers: cannot backtrack. */
    private static final Pattern CSS_COLOUR = Pattern.compile("#(?:[0-9A-Fa-f]{3,4}+|[0-9A-Fa-f]{6}+|[0-9A-Fa-f]{8}+)"
            + "|[A-Za-z]{1,32}+"
            + "|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\\([0-9A-Za-z.,%/+ -]{1,80}+\\)"
            + "|var\\(--[A-Za-z0-9_-]{1,60}+\\)");

    private CustomFields() {
    }

    /** A page's own state ({@code _} or {@code $} first): dropped from saves, never handed out. */
    public static boolean isPageState(String name) {
        return name.startsWith("_") || name.startsWith("$");
    }

    /** Why this field cannot be stored, or null when it can (page state is dropped before, not refused). */
    public static String problem(String name, JsonValue value) {
        return COLOUR_FIELDS.contains(name) ? colourProblem(name, value) : null;
    }

    /** Why this value of a colour field cannot be stored (it is not a CSS colour, nor empty), or null when it can. */
    public static String colourProblem(String name, JsonValue value) {
        if (isEmpty(value) || isColour(value)) return null;
        return name + " " + LogSafe.quoted(value instanceof JsonString s ? s.getString() : value)
                + " is not a CSS colour (a name, #rgb, #rrggbb, rgb(..), hsl(..) or var(--name))";
    }

    /** The fields of a stored row that may be handed to a page: without page state and unsafe colours. */
    public static JsonObject shown(JsonObject stored) {
        if (stored == null) return null;
        if (stored.entrySet().stream().allMatch(CustomFields::isShown)) return stored;
        JsonObjectBuilder shown = Json.createObjectBuilder();
        stored.entrySet().stream().filter(CustomFields::isShown).forEach(e -> shown.add(e.getKey(), e.getValue()));
        return shown.build();
    }

    private static boolean isShown(Map.Entry<String, JsonValue> field) {
        return !isPageState(field.getKey()) && problem(field.getKey(), field.getValue()) == null;
    }

    static boolean isColour(JsonValue value) {
        return value instanceof JsonString s && s.getString().length() <= MAX_COLOUR_LENGTH
                && CSS_COLOUR.matcher(s.getString()).matches();
    }

    private static boolean isEmpty(JsonValue value) {
        return value == JsonValue.NULL || (value instanceof JsonString s && s.getString().isEmpty());
    }
}
