package io.liveupdate.connector;

import io.liveupdate.input.PlainId;
import io.liveupdate.json.Json;
import io.liveupdate.security.SaveGate;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells, from the request alone, which dataProcessor mode sent it, and reads its rows. One URL serves
 * every mode, as the old connectors did:
 * <ul>
 * <li>GET or POST with {@code ids}: batched legacy rows, keys prefixed {@code <id>_}, answered in XML;</li>
 * <li>GET or POST with {@code !nativeeditor_status}: one row without prefixes, answered in XML;</li>
 * <li>POST of JSON {@code {id, action, data}}: JSON mode;</li>
 * <li>POST (JSON or form) of plain fields, PUT {@code /id}, DELETE {@code /id}: REST and REST-JSON.</li>
 * </ul>
 * A GET that carries no rows is a load, for which this reader answers empty.
 */
public final class SaveRequestReader {

    static final String STATUS = "!nativeeditor_status";
    static final String IDS = "ids";
    /**
     * The most rows one batched save may name. A page sends the rows changed since its last save, a handful; a
     * 1 MiB body of short ids would be 160,000 rows, hundreds of MB of heap and as many answers.
     */
    static final int MAX_BATCH_ROWS = 5_000;

    /** Parameters of the protocol itself, never stored as event fields. */
    private static final Set<String> RESERVED = Set.of(IDS, "editing", SaveGate.SECURITY_KEY, "webix_security", "dhx_user",
            "dhx_version", "timeshift", "uid", "format", "date_format", "from", "to");

    private SaveRequestReader() {
    }

    /**
     * @param method HTTP method
     * @param pathId the id in the URL ({@code /events/42}), or null
     * @param contentType the request's Content-Type, or null
     * @param query the raw query string, or null
     * @param body the request body (empty for none)
     */
    public static Optional<SaveRequest> read(String method, String pathId, String contentType, String query, byte[] body) {
        return switch (method) {
            case "GET" -> fromQuery(FormData.parse(query));
            case "POST" -> Optional.of(post(pathId, contentType, body));
            case "PUT" -> Optional.of(put(pathId, contentType, body));
            case "DELETE" -> Optional.of(rest(RowStatus.DELETED, requireId(pathId), Map.of()));
            default -> throw new MalformedRequestException("method " + method + " is not a scheduler save");
        };
    }

    /** Whether a GET's parsed query carries dataProcessor rows (legacy GET mode) rather than asking for a load. */
    public static boolean isFormSave(Map<String, String> query) {
        return query.containsKey(IDS) || query.containsKey(STATUS);
    }

    /** The save a GET's parsed query carries (legacy GET mode), or empty for a load. */
    public static Optional<SaveRequest> fromQuery(Map<String, String> query) {
        return formRows(query).map(save -> save.withSecurityKey(query.get(SaveGate.SECURITY_KEY)));
    }

    private static SaveRequest post(String pathId, String contentType, byte[] body) {
        if (isJson(contentType, body)) {
            JsonObject json = parseJsonObject(body);
            if (pathId == null && isJsonModeEnvelope(json)) return jsonMode(json);
            return rest(RowStatus.INSERTED, pathId, withoutId(json));
        }
        Map<String, String> form = FormData.parse(utf8(body));
        Optional<SaveRequest> rows = formRows(form);
        // Legacy 4.2 REST posted an insert to <url><tempId>, so an id in the path is the client's temp id.
        return rows.orElseGet(() -> rest(RowStatus.INSERTED, pathId, withoutId(strings(form)))).withSecurityKey(form.get(SaveGate.SECURITY_KEY));
    }

    private static SaveRequest put(String pathId, String contentType, byte[] body) {
        String id = requireId(pathId);
        if (body.length == 0) return rest(RowStatus.UPDATED, id, Map.of());
        if (isJson(contentType, body)) return rest(RowStatus.UPDATED, id, withoutId(parseJsonObject(body)));
        Map<String, String> form = FormData.parse(utf8(body));
        return rest(RowStatus.UPDATED, id, withoutId(strings(form))).withSecurityKey(form.get(SaveGate.SECURITY_KEY));
    }

    private static Optional<SaveRequest> formRows(Map<String, String> form) {
        if (!isFormSave(form)) return Optional.empty();
        if (form.containsKey(IDS)) return Optional.of(new SaveRequest(SaveRequest.Answer.XML_ACTIONS, batchedRows(form)));
        return Optional.of(new SaveRequest(SaveRequest.Answer.XML_ACTIONS, List.of(singleRow(form))));
    }

    private static List<RowChange> batchedRows(Map<String, String> form) {
        List<String> ids = Arrays.stream(form.get(IDS).split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.size() > MAX_BATCH_ROWS) {
            throw new MalformedRequestException("a batched save names " + ids.size() + " rows; at most " + MAX_BATCH_ROWS);
        }
        Set<String> idSet = new HashSet<>(ids);
        Map<String, Map<String, JsonValue>> fieldsById = new LinkedHashMap<>();
        ids.forEach(id -> fieldsById.put(id, new LinkedHashMap<>()));
        form.forEach((key, value) -> owner(key, idSet).ifPresent(
                id -> fieldsById.get(id).put(key.substring(id.length() + 1), Json.createValue(value))));
        List<RowChange> rows = new ArrayList<>(ids.size());
        for (String id : ids) {
            Map<String, JsonValue> fields = fieldsById.get(id);
            JsonValue status = fields.remove(STATUS);
            fields.remove("id");
            rows.add(new RowChange(Json.createValue(id), status == null ? null : ((JsonString) status).getString(), fields));
        }
        return rows;
    }

    /**
     * The id whose "<id>_" prefix starts the key; the longest wins, since ids may contain '_'. Only a plain id
     * ({@link PlainId#MAX_LENGTH} at most) can own fields (any other is refused as a row), so only the key's first
     * characters are tried: a key of a million '_' costs as little as a short one, not a million substrings.
     */
    private static Optional<String> owner(String key, Set<String> ids) {
        for (int i = key.lastIndexOf('_', PlainId.MAX_LENGTH); i > 0; i = key.lastIndexOf('_', i - 1)) {
            String candidate = key.substring(0, i);
            if (ids.contains(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static RowChange singleRow(Map<String, String> form) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (!isReserved(key)) fields.put(key, Json.createValue(value));
        });
        JsonValue sid = fields.remove("id");
        String status = ((JsonString) fields.remove(STATUS)).getString();
        return new RowChange(sid, status, fields);
    }

    private static SaveRequest jsonMode(JsonObject json) {
        JsonValue data = json.get("data");
        Map<String, JsonValue> fields = data instanceof JsonObject o ? withoutId(o) : Map.of();
        return new SaveRequest(SaveRequest.Answer.JSON_ACTION,
                List.of(new RowChange(json.get("id"), json.getString("action"), fields)));
    }

    private static boolean isJsonModeEnvelope(JsonObject json) {
        return json.get("action") instanceof JsonString action
                && RowStatus.isKnown(action.getString())
                && (json.get("data") instanceof JsonObject || json.containsKey("id"));
    }

    private static SaveRequest rest(String status, String pathId, Map<String, JsonValue> fields) {
        JsonValue sid = pathId == null ? null : Json.createValue(pathId);
        return new SaveRequest(SaveRequest.Answer.JSON_ACTION, List.of(new RowChange(sid, status, fields)));
    }

    private static Map<String, JsonValue> withoutId(Map<String, JsonValue> source) {
        Map<String, JsonValue> fields = new LinkedHashMap<>(source);
        fields.remove("id");
        fields.remove(STATUS);
        return fields;
    }

    private static Map<String, JsonValue> strings(Map<String, String> form) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (!isReserved(key)) fields.put(key, Json.createValue(value));
        });
        return fields;
    }

    private static boolean isReserved(String key) {
        return RESERVED.contains(key) || key.startsWith("dhxr");
    }

    private static boolean isJson(String contentType, byte[] body) {
        if (contentType != null && contentType.toLowerCase().contains("json")) return true;
        for (byte b : body) {
            if (!Character.isWhitespace(b)) return b == '{' || b == '[';
        }
        return false;
    }

    private static JsonObject parseJsonObject(byte[] body) {
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(utf8(body)))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new MalformedRequestException("malformed JSON body: " + e.getMessage());
        } catch (RuntimeException e) {
            // JsonException, or Parsson's plain RuntimeException for input nested deeper than its limit (1000)
            throw new MalformedRequestException("unreadable JSON body: " + e.getMessage());
        }
        if (value instanceof JsonObject object) return object;
        throw new MalformedRequestException("expected a JSON object, got " + value.getValueType());
    }

    private static String requireId(String pathId) {
        if (pathId == null || pathId.isBlank()) throw new MalformedRequestException("the URL must end with the event id");
        return pathId;
    }

    private static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
