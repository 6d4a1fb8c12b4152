package io.liveupdate.bayeux;

/**
 * Error strings in Faye's {@code code:arg1,arg2:text} form, with Faye's codes and texts
 * ({@code faye/src/protocol/error.js}), so the Faye client's {@code Error.parse} recognises them.
 */
public final class BayeuxError {

    private BayeuxError() {
    }

    public static String versionMismatch(String version) {
        return format(300, version, "Version mismatch");
    }

    /** Faye lists the types the client offered, not the server's. */
    public static String conntypeMismatch(String types) {
        return format(301, types, "Connection types not supported");
    }

    public static String clientUnknown(String clientId) {
        return format(401, clientId, "Unknown client");
    }

    public static String parameterMissing(String parameter) {
        return format(402, parameter, "Missing required parameter");
    }

    public static String channelForbidden(String channel) {
        return format(403, channel, "Forbidden channel");
    }

    public static String channelInvalid(String channel) {
        return format(405, channel, "Invalid channel");
    }

    public static String serverError() {
        return format(500, "", "Internal server error");
    }

    /** A null argument prints as empty, giving the {@code code::text} form. */
    static String format(int code, String args, String text) {
        return code + ":" + (args == null ? "" : args) + ":" + text;
    }
}
