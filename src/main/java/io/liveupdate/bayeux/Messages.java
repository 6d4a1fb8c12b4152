package io.liveupdate.bayeux;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Reading request fields with JavaScript's leniency, since Faye's server decides with {@code !value}. */
final class Messages {

    private Messages() {
    }

    /** Absent, null, false or an empty string: what Faye's {@code !message.x} treats as missing. */
    static boolean isMissing(JsonValue value) {
        return value == null || value == JsonValue.NULL || value == JsonValue.FALSE
                || (value instanceof JsonString s && s.getString().isEmpty());
    }

    /** The field's string value, or null if it is absent or not a string. */
    static String string(JsonObject message, String field) {
        return message.get(field) instanceof JsonString s ? s.getString() : null;
    }

    /** A string's content, any other value's JSON text. */
    static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : String.valueOf(value);
    }
}
