package io.liveupdate.persistence;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where a stream stands in the database ({@code change_stream}): the number of its last change and the epoch those
 * numbers belong to. The epoch is a random text given when the stream's row is created; a database reset (the row
 * created again) or restored from an older backup (renewed by the first node that notices, {@link ChangeLog#renewIfBehind})
 * has another one, so numbers from before are never taken for numbers of now.
 *
 * @param lastSeq the number of the stream's last committed change
 * @param epoch null for a row from before epochs that no change has touched since
 */
public record StreamHead(long lastSeq, String epoch) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new epoch: 12 hex digits, 48 random bits (a clash between two histories of one stream is not a concern). */
    public static String newEpoch() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
