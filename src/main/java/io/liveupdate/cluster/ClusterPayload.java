package io.liveupdate.cluster;

import io.liveupdate.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;

/**
 * The NOTIFY payloads on {@value #CHANNEL}, the wire contract between nodes:
 * <ul>
 * <li>{@code {"node":"<origin>","message":<delivery>}} for a message that fits a notification;</li>
 * <li>{@code {"node":"<origin>","spilled":<id>}} for one that does not: the delivery is the spill table's row
 *     {@code id} ({@link SpillTable}).</li>
 * </ul>
 * {@code node} is the origin's {@link ThisNode#id}, so a node skips its own echo.
 */
final class ClusterPayload {

    /** The notification channel. */
    static final String CHANNEL = "liveupdate_messages";
    /**
     * The largest payload NOTIFYed as it is, in UTF-8 bytes: PostgreSQL refuses 8000 and more, and a little is kept
     * for the envelope of the spilled form and for rounding.
     */
    static final int MAX_NOTIFY_BYTES = 7900;

    static final String NODE = "node";
    static final String MESSAGE = "message";
    static final String SPILLED = "spilled";

    /** What one notification says: from which node, and either the delivery itself or where it was spilled. */
    record Notice(String node, JsonObject message, long spilled) {

        boolean isSpilled() {
            return message == null;
        }
    }

    private ClusterPayload() {
    }

    /** The payload carrying the delivery itself; see {@link #fits} before NOTIFYing it. */
    static String inline(String node, String deliveryJson) {
        return "{\"" + NODE + "\":" + Json.createValue(node) + ",\"" + MESSAGE + "\":" + deliveryJson + "}";
    }

    static String spilled(String node, long id) {
        return Json.createObjectBuilder().add(NODE, node).add(SPILLED, id).build().toString();
    }

    /** Whether PostgreSQL takes this payload in a NOTIFY (of a UTF-8 database). */
    static boolean fits(String payload) {
        if (payload.length() > MAX_NOTIFY_BYTES) return false;
        if (payload.length() * 3 <= MAX_NOTIFY_BYTES) return true; // no character takes more than 3 bytes per char
        return payload.getBytes(StandardCharsets.UTF_8).length <= MAX_NOTIFY_BYTES;
    }

    /** @throws IllegalArgumentException when the payload is none of the two forms */
    static Notice parse(String payload) {
        if (payload == null) throw new IllegalArgumentException("no payload");
        JsonObject notice = ClusterMessage.object(payload);
        if (!(notice.get(NODE) instanceof JsonString node) || node.getString().isEmpty()) throw new IllegalArgumentException("no origin node");
        if (notice.get(MESSAGE) instanceof JsonObject message) return new Notice(node.getString(), message, 0);
        if (notice.get(SPILLED) instanceof JsonNumber id && id.isIntegral() && id.longValue() > 0) {
            return new Notice(node.getString(), null, id.longValue());
        }
        throw new IllegalArgumentException("neither a message nor a spilled row's id");
    }
}
