package io.liveupdate.storage;

import io.liveupdate.input.PlainId;
import io.liveupdate.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One Webix DataProcessor operation as the {@code faye->} proxy publishes it:
 * {@code {"id":..,"operation":"insert"|"update"|"delete","data":{"id":..,...fields},"clientId":".."}}
 * (plus whatever else the client serialises, e.g. {@code _in_progress}, which is ignored).
 *
 * <p>Parsing rules ({@link #parse}):
 * <ul>
 *   <li>data that is not an object, or has no {@code operation} member, is not an operation: a plain message;</li>
 *   <li>otherwise it must be valid, or it is refused: {@code operation} one of {@code insert}, {@code update},
 *       {@code delete}; {@code data} an object; the item id {@code data.id}, or the top-level {@code id} when
 *       {@code data} has none, a plain id ({@link PlainId}: Webix writes it into the page unescaped), as a string
 *       or a number (the two, when both are given, the same as text); and no U+0000 anywhere in the item
 *       (PostgreSQL cannot store it).</li>
 *   <li>the item's {@code $}-prefixed fields are Webix's rendering markers of the sending page ({@code $css},
 *       {@code $template}, ...): dropped, never stored nor relayed ({@link ClientMarkers}).</li>
 * </ul>
 * Ids are compared as text, as Webix does: {@code 17} and {@code "17"} are the same item.
 *
 * @param kind what to do
 * @param itemId the item's id as text, the key of the item within its storage
 * @param item the item's fields, always with its {@code id}
 */
public record StorageOperation(Kind kind, String itemId, JsonObject item) {

    /** The longest item id, as text (the {@code storage_item.item_id} column holds 255). */
    public static final int MAX_ID_LENGTH = PlainId.MAX_LENGTH;

    static final String OPERATION = "operation";
    static final String DATA = "data";
    static final String ID = "id";

    /** The three operations of a Webix DataProcessor, with their wire names. */
    public enum Kind {
        INSERT, UPDATE, DELETE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public StorageOperation {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(itemId);
        Objects.requireNonNull(item);
    }

    /**
     * @param data the {@code data} of a publish (may be null)
     * @return the operation, or empty if {@code data} is not shaped as one
     * @throws InvalidStorageOperation if it claims to be an operation but breaks a rule above
     */
    public static Optional<StorageOperation> parse(JsonValue data) {
        if (!(data instanceof JsonObject update) || !update.containsKey(OPERATION)) return Optional.empty();
        Kind kind = kind(update.get(OPERATION));
        if (!(update.get(DATA) instanceof JsonObject fields)) throw new InvalidStorageOperation("data must be an object");
        JsonValue id = present(fields.get(ID)) ? fields.get(ID) : update.get(ID);
        String itemId = idText(id);
        if (present(update.get(ID)) && present(fields.get(ID)) && !itemId.equals(idText(update.get(ID)))) {
            throw new InvalidStorageOperation("the id is not data.id");
        }
        if (hasNul(fields)) throw new InvalidStorageOperation("the item contains U+0000");
        return Optional.of(new StorageOperation(kind, itemId, Json.createObjectBuilder(ClientMarkers.withoutMarkers(fields)).add(ID, id).build()));
    }

    private static Kind kind(JsonValue operation) {
        if (operation instanceof JsonString s) {
            for (Kind kind : Kind.values()) {
                if (kind.wireName().equals(s.getString())) return kind;
            }
        }
        throw new InvalidStorageOperation("unknown operation");
    }

    private static String idText(JsonValue id) {
        String text;
        if (id instanceof JsonString s) {
            text = s.getString();
        } else if (id instanceof JsonNumber n) {
            text = n.toString();
        } else {
            throw new InvalidStorageOperation("the item id must be a string or a number");
        }
        if (!PlainId.isPlain(text)) throw new InvalidStorageOperation("the item id is not plain: " + PlainId.rule());
        return text;
    }

    private static boolean present(JsonValue value) {
        return value != null && value != JsonValue.NULL;
    }

    private static boolean hasNul(JsonValue value) {
        if (value instanceof JsonString s) return s.getString().indexOf('\0') >= 0;
        if (value instanceof JsonArray a) return a.stream().anyMatch(StorageOperation::hasNul);
        if (value instanceof JsonObject o) {
            return o.entrySet().stream().anyMatch(e -> e.getKey().indexOf('\0') >= 0 || hasNul(e.getValue()));
        }
        return false;
    }
}
