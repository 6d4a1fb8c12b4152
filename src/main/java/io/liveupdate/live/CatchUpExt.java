package io.liveupdate.live;

import io.liveupdate.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.OptionalLong;

/**
 * The {@code ext} fields of catch-up, the wire contract with {@code js/live-catchup.js}:
 * <ul>
 * <li>server to client, on every change of a calendar channel: {@code ext.seq}, the change's number in its calendar;</li>
 * <li>server to client, when the missed changes are no longer kept or too many: {@code ext:{seq:<last>, reload:true}}
 *     (data {@code {}}): reload the calendar, then carry on from {@code seq};</li>
 * <li>server to client, right after a subscribe with {@code ext.catchUp} but no {@code lastSeq}, and at the end of
 *     every replay: {@code ext:{seq:<n>, position:true}} (data {@code {}}): where the channel stands (or where the
 *     replay left it), so a client cut off before its first change can ask for what came after, and a client whose
 *     replay was lost asks again;</li>
 * <li>client to server: {@code ext:{catchUp:true, lastSeq}} on {@code /meta/subscribe} ({@code lastSeq} once known: on
 *     every re-subscribe after a re-handshake), or a publish on {@value #REQUEST_CHANNEL} with data
 *     {@code {channel, lastSeq}} (after a reconnect, or a gap).</li>
 * </ul>
 */
public final class CatchUpExt {

    public static final String SEQ = "seq";
    public static final String RELOAD = "reload";
    public static final String POSITION = "position";
    public static final String CATCH_UP = "catchUp";
    public static final String LAST_SEQ = "lastSeq";
    public static final String REQUEST_CHANNEL = "/service/catchup";

    private CatchUpExt() {
    }

    public static JsonObject seq(long seq) {
        return Json.createObjectBuilder().add(SEQ, seq).build();
    }

    public static JsonObject position(long seq) {
        return Json.createObjectBuilder().add(SEQ, seq).add(POSITION, true).build();
    }

    public static JsonObject reload(long seq) {
        return Json.createObjectBuilder().add(SEQ, seq).add(RELOAD, true).build();
    }

    /** A non-negative whole {@code lastSeq} in the object, if it has one. */
    public static OptionalLong lastSeqIn(JsonObject object) {
        if (object != null && object.get(LAST_SEQ) instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0) {
            return OptionalLong.of(n.longValue());
        }
        return OptionalLong.empty();
    }
}
