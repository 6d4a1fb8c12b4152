package io.liveupdate.connector;

/**
 * A save sent as a GET (the dataProcessor's legacy "GET" mode) while {@code liveupdate.connector.allow-get-saves} is
 * off: answered 405. Any site can make a browser send a GET, with the user's cookies or cached credentials.
 */
public class SaveByGetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SaveByGetException() {
        super("saves by GET are refused: send them by POST (dataProcessor mode POST, JSON or REST), or set"
                + " liveupdate.connector.allow-get-saves=true for legacy pages");
    }
}
