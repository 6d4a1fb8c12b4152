package io.liveupdate.gantt.connector;

import io.liveupdate.connector.MalformedRequestException;
import io.liveupdate.connector.RowChange;
import io.liveupdate.connector.SaveRequest;
import io.liveupdate.connector.SaveRequestReader;
import io.liveupdate.gantt.GanttService;
import io.liveupdate.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Gantt save in any of the dataProcessor's modes, with the scheduler connector's reader
 * ({@link SaveRequestReader}: REST and REST-JSON bodies, batched and single-row forms) plus what only Gantt sends: the
 * {@code order} status of {@code order_branch}, and {@code gantt_mode=tasks|links} naming what a POST or JSON mode save
 * is about.
 */
final class GanttModes {

    private static final String ORDER = "order";

    private GanttModes() {
    }

    /** One row of a save. */
    record Row(GanttSaves.Action action, String id, JsonObject fields) {
    }

    /** A save: its rows, whether it is answered in XML (form modes) or JSON, and the {@code dhx_security} its form carried. */
    record Save(String entity, List<Row> rows, boolean xml, String securityKey) {
    }

    /** A REST or REST-JSON save of one task or link: the method and the URL tell the action and the id. */
    static Save rest(String method, String entity, String pathId, String contentType, byte[] body) {
        SaveRequest request = SaveRequestReader.read(method, pathId, contentType, null, body).orElseThrow();
        RowChange row = request.rows().get(0);
        var action = switch (method) {
            case "POST" -> GanttSaves.Action.INSERT;
            case "PUT" -> GanttSaves.Action.UPDATE;
            default -> GanttSaves.Action.DELETE;
        };
        return new Save(entity, List.of(new Row(action, pathId, fields(row.fields()))), false, request.securityKey());
    }

    /** A POST or JSON mode save ({@code ?editing=true&gantt_mode=tasks|links}). */
    static Save modes(Map<String, String> query, String contentType, byte[] body) {
        String entity = entity(query.get("gantt_mode"));
        JsonObject envelope = jsonEnvelope(contentType, body);
        if (envelope != null) {
            var row = new Row(action(envelope.getString("action")), id(envelope.get("id")),
                    envelope.get("data") instanceof JsonObject data ? data : JsonValue.EMPTY_JSON_OBJECT);
            return new Save(entity, List.of(row), false, null);
        }
        SaveRequest request = SaveRequestReader.read("POST", null, contentType, null, body).orElseThrow();
        if (request.answer() != SaveRequest.Answer.XML_ACTIONS) {
            throw new MalformedRequestException("not a dataProcessor save: post tasks to <url>/task and links to <url>/link (REST modes), "
                    + "or send ?editing=true&gantt_mode=tasks|links with the POST or JSON mode's body");
        }
        List<Row> rows = new ArrayList<>();
        for (RowChange row : request.rows()) rows.add(new Row(action(row.status()), id(row.sid()), fields(row.fields())));
        return new Save(entity, rows, true, request.securityKey());
    }

    private static String entity(String ganttMode) {
        if (ganttMode == null || ganttMode.equals("tasks")) return GanttService.TASK;
        if (ganttMode.equals("links")) return GanttService.LINK;
        throw new MalformedRequestException("gantt_mode must be tasks or links (resources, assignments and baselines are not stored here)");
    }

    /** The row's action; null for a status the client never sends (answered "error"). */
    private static GanttSaves.Action action(String status) {
        if (status == null) return null;
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "inserted", "insert" -> GanttSaves.Action.INSERT;
            case "updated", "update", ORDER -> GanttSaves.Action.UPDATE;
            case "deleted", "delete" -> GanttSaves.Action.DELETE;
            default -> null;
        };
    }

    /** The JSON mode's {@code {id, action, data}}, or null for any other body. */
    private static JsonObject jsonEnvelope(String contentType, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        boolean json = (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) || text.startsWith("{");
        if (!json) return null;
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new MalformedRequestException("malformed JSON body: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new MalformedRequestException("unreadable JSON body: " + e.getMessage());
        }
        if (value instanceof JsonObject object && object.get("action") instanceof JsonString) return object;
        throw new MalformedRequestException("the JSON mode sends {\"id\":..,\"action\":..,\"data\":{..}}");
    }

    private static String id(JsonValue sid) {
        if (sid == null || sid == JsonValue.NULL) return null;
        if (sid instanceof JsonString s) return s.getString();
        return sid instanceof JsonNumber n ? n.toString() : sid.toString();
    }

    private static JsonObject fields(Map<String, JsonValue> fields) {
        var json = Json.createObjectBuilder();
        fields.forEach(json::add);
        return json.build();
    }
}
