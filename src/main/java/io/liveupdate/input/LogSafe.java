package io.liveupdate.input;

/**
 * Request data as it may appear in a log line: control characters (CR and LF above all, which would start a line
 * that looks like the server's own) and Unicode line and paragraph separators become {@code ?}, and the text is
 * bounded, so a client can neither forge log entries nor fill the log with one request.
 */
public final class LogSafe {

    public static final int MAX_CHARS = 200;

    private LogSafe() {
    }

    /** {@code value} quoted, cleaned and bounded, or {@code null} unquoted for a missing value. */
    public static String quoted(Object value) {
        return value == null ? "null" : "'" + text(value) + "'";
    }

    /** {@code value} cleaned and bounded, without quotes. */
    public static String text(Object value) {
        if (value == null) return "null";
        String s = String.valueOf(value);
        int keep = Math.min(s.length(), MAX_CHARS);
        var out = new StringBuilder(keep + 24);
        for (int i = 0; i < keep; i++) {
            char c = s.charAt(i);
            out.append(isUnsafe(c) ? '?' : c);
        }
        if (s.length() > keep) out.append("…(").append(s.length() - keep).append(" more chars)");
        return out.toString();
    }

    private static boolean isUnsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }
}
