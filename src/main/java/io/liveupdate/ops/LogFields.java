package io.liveupdate.ops;

import java.util.logging.Logger;

/**
 * Puts fields an operator filters on (a shortened session id, say) into the mapped diagnostic context for the one
 * log line being written, so WildFly's JSON formatter ({@code server-config/wildfly-json-logs.cli}) writes them as
 * the line's {@code "mdc"} object, and removes them afterwards (the thread goes back to a pool). The text of the
 * line stays as it was for the pattern logs. Never give it a secret: a full session id lets anyone act as that
 * session.
 *
 * <p>The context is WildFly's ({@code org.jboss.logging.MDC}, given to every deployment). On a server without it
 * (Payara) the line is written without fields.
 */
final class LogFields {

    private static final boolean AVAILABLE = mdcPresent();

    private LogFields() {
    }

    /** Writes {@code line} with {@code key} set to {@code value}. */
    static void with(String key, String value, Runnable line) {
        if (!AVAILABLE) {
            line.run();
            return;
        }
        Mdc.put(key, value);
        try {
            line.run();
        } finally {
            Mdc.remove(key);
        }
    }

    private static boolean mdcPresent() {
        try {
            Class.forName("org.jboss.logging.MDC", false, LogFields.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            Logger.getLogger(LogFields.class.getName()).fine("No org.jboss.logging.MDC: log lines carry no fields");
            return false;
        }
    }

    /** Touches org.jboss.logging only once {@link #AVAILABLE} said it is there. */
    private static final class Mdc {

        static void put(String key, String value) {
            org.jboss.logging.MDC.put(key, value);
        }

        static void remove(String key) {
            org.jboss.logging.MDC.remove(key);
        }
    }
}
