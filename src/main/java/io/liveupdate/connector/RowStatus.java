package io.liveupdate.connector;

import java.util.Locale;
import java.util.Set;

/**
 * The statuses a dataProcessor row names ({@code !nativeeditor_status}, the JSON mode's {@code action}), in the
 * words the REST modes are given: each connector maps them to its own actions.
 */
public final class RowStatus {

    public static final String INSERTED = "inserted";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";

    /** Both forms the clients send ("inserted" and "insert", ...). */
    private static final Set<String> KNOWN = Set.of(INSERTED, "insert", UPDATED, "update", DELETED, "delete");

    private RowStatus() {
    }

    public static boolean isKnown(String status) {
        return status != null && KNOWN.contains(status.toLowerCase(Locale.ROOT));
    }
}
