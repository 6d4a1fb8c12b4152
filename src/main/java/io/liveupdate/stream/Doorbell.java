package io.liveupdate.stream;

import java.util.Optional;

/**
 * One doorbell as {@code ChangeLog.doorbell} rings it: {@code "<seq>:<epoch> <stream>"}, or {@code "<seq> <stream>"}
 * from a node from before epochs (then {@link #epoch} is null).
 */
record Doorbell(String stream, long seq, String epoch) {

    /** The doorbell the payload says, or empty when it is not one (no positive number, no stream, an empty epoch). */
    static Optional<Doorbell> parse(String payload) {
        int space = payload == null ? -1 : payload.indexOf(' ');
        if (space <= 0 || space == payload.length() - 1) return Optional.empty();
        String number = payload.substring(0, space);
        String epoch = null;
        int colon = number.indexOf(':');
        if (colon >= 0) {
            epoch = number.substring(colon + 1);
            number = number.substring(0, colon);
            if (epoch.isEmpty()) return Optional.empty();
        }
        try {
            long seq = Long.parseLong(number);
            return seq < 1 ? Optional.empty() : Optional.of(new Doorbell(payload.substring(space + 1), seq, epoch));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
