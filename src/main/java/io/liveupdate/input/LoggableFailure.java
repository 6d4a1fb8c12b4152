package io.liveupdate.input;

/**
 * A failure as it may go into a log record: its messages (and its causes') can carry request data, such as a
 * JSON parser quoting the body or a database quoting a value, and a logged stack trace prints them verbatim, CR/LF
 * included. The copy keeps every class name and stack frame, with each message made {@link LogSafe}.
 */
public final class LoggableFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CAUSES = 16;

    private LoggableFailure(Throwable original, Throwable cause) {
        super(original.getClass().getName() + (original.getMessage() == null ? "" : ": " + LogSafe.text(original.getMessage())),
                cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    public static Throwable of(Throwable original) {
        return copy(original, 0);
    }

    private static Throwable copy(Throwable t, int depth) {
        if (t == null || depth == MAX_CAUSES) return null;
        Throwable cause = t.getCause() == t ? null : copy(t.getCause(), depth + 1);
        return new LoggableFailure(t, cause);
    }

    /** The class name is already in the message: print that alone, as the original would have printed. */
    @Override
    public String toString() {
        return getMessage();
    }
}
