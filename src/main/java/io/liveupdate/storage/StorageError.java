package io.liveupdate.storage;

/**
 * The errors a refused storage publish is answered with, in Faye's {@code code:args:text} form so the Faye
 * client's {@code Error.parse} reads them; the publish is then neither stored nor relayed.
 */
public final class StorageError {

    private StorageError() {
    }

    /** {@code 405:<channel>:Invalid storage operation}: malformed, nothing was saved; retrying will not help. */
    public static String invalidOperation(String channel) {
        return "405:" + channel + ":Invalid storage operation";
    }

    /** {@code 500:<channel>:Storage failed}: the database refused or failed, nothing was saved; a retry may work. */
    public static String storageFailed(String channel) {
        return "500:" + channel + ":Storage failed";
    }
}
