package io.liveupdate.wire;

import io.liveupdate.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.Optional;
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
 * <li>client to server: {@code ext:{catchUp:true, lastSeq, epoch}} on {@code /meta/subscribe} ({@code lastSeq} once known: on
 *     every re-subscribe after a re-handshake), or a publish on {@value #REQUEST_CHANNEL} with data
 *     {@code {channel, lastSeq, epoch}} (after a reconnect, or a gap).</li>
 * </ul>
 * Every {@code seq} the server sends comes with {@code epoch}, the history its number counts in (see
 * persistence.StreamHead), once the stream has one. A client sends back the epoch of its {@code lastSeq}; one of
 * another epoch than the stream's (the database was reset or restored since) is answered with the reload signal, as
 * is a delivery of another epoch than the client's own taken as one. A client that sends no epoch (from before
 * epochs) is answered by number alone, as before.
 */
public final class CatchUpExt {

    public static final String SEQ = "seq";
    public static final String RELOAD = "reload";
    public static final String POSITION = "position";
    public static final String CATCH_UP = "catchUp";
    public static final String LAST_SEQ = "lastSeq";
    public static final String EPOCH = "epoch";
    /** Longer epochs than this from a client are ignored (the server's are 12 characters). */
    static final int MAX_EPOCH_LENGTH = 32;
    public static final String REQUEST_CHANNEL = "/service/catchup";

    private CatchUpExt() {
    }

    public static JsonObject seq(long seq) {
        return seq(seq, null);
    }

    /** @param epoch left out when null (a stream without one yet) */
    public static JsonObject seq(long seq, String epoch) {
        return numbered(seq, epoch).build();
    }

    public static JsonObject position(long seq) {
        return position(seq, null);
    }

    public static JsonObject position(long seq, String epoch) {
        return numbered(seq, epoch).add(POSITION, true).build();
    }

    public static JsonObject reload(long seq) {
        return reload(seq, null);
    }

    public static JsonObject reload(long seq, String epoch) {
        return numbered(seq, epoch).add(RELOAD, true).build();
    }

    private static JsonObjectBuilder numbered(long seq, String epoch) {
        var ext = Json.createObjectBuilder().add(SEQ, seq);
        return epoch == null ? ext : ext.add(EPOCH, epoch);
    }

    /** The client's {@code epoch} in the object, if it has a plausible one (a short non-empty text). */
    public static Optional<String> epochIn(JsonObject object) {
        if (object != null && object.get(EPOCH) instanceof JsonString s && !s.getString().isEmpty() && s.getString().length() <= MAX_EPOCH_LENGTH) {
            return Optional.of(s.getString());
        }
        return Optional.empty();
    }

    /** A non-negative whole {@code lastSeq} in the object, if it has one. */
    public static OptionalLong lastSeqIn(JsonObject object) {
        if (object != null && object.get(LAST_SEQ) instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0) {
            return OptionalLong.of(n.longValue());
        }
        return OptionalLong.empty();
    }
}
