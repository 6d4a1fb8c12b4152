package io.liveupdate.calendar;

import java.util.Locale;
import java.util.Optional;

/** What a client asks for one row, and what the server answers it did (dataProcessor vocabulary). */
public enum SaveAction {
    INSERTED, UPDATED, DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads "inserted"/"insert", "updated"/"update", "deleted"/"delete" (the connectors accepted both). */
    public static Optional<SaveAction> fromStatus(String status) {
        if (status == null) return Optional.empty();
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "inserted", "insert" -> Optional.of(INSERTED);
            case "updated", "update" -> Optional.of(UPDATED);
            case "deleted", "delete" -> Optional.of(DELETED);
            default -> Optional.empty();
        };
    }
}
