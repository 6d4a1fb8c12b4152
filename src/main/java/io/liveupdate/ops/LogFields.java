package io.liveupdate.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Puts fields an operator filters on (a shortened session id, the client address, the calendar) into the mapped
 * diagnostic context, so WildFly's JSON formatter ({@code server-config/wildfly-json-logs.cli}) writes them as the
 * line's {@code "mdc"} object, and removes them afterwards (the thread goes back to a pool). The text of the line
 * stays as it was for the pattern logs. Never give it a secret: a full session id lets anyone act as that session.
 *
 * <p>The context is WildFly's ({@code org.jboss.logging.MDC}, given to every deployment). On a server without it
 * (Payara) the lines are written without fields.
 */
final class LogFields {

    private static final boolean AVAILABLE = mdcPresent();

    private LogFields() {
    }

    /** Writes {@code line} with {@code key} set to {@code value}. */
    static void with(String key, String value, Runnable line) {
        Scope fields = open(key, value);
        try {
            line.run();
        } finally {
            fields.close();
        }
    }

    /**
     * Sets {@code key, value, key, value, ...} (a null value is left out) for every line this thread writes until
     * the returned scope is closed, e.g. for the whole of a request.
     *
     * <p>WildFly's context is inherited by any thread started meanwhile (a pool growing during the request), and
     * such a thread keeps it. So each field is an object whose text is the value only until the scope closes, and
     * empty afterwards: a pool thread never goes on naming the client of the request that happened to start it.
     */
    static Scope open(String... keysAndValues) {
        var fields = new ArrayList<Field>();
        if (AVAILABLE) {
            for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
                if (keysAndValues[i + 1] == null) continue;
                var field = new Field(keysAndValues[i], keysAndValues[i + 1]);
                Mdc.put(field.key, field);
                fields.add(field);
            }
        }
        return new Scope(fields);
    }

    /** The fields {@link #open} set; closing removes them from this thread and empties them for any other. */
    static final class Scope implements AutoCloseable {

        private final List<Field> fields;

        private Scope(List<Field> fields) {
            this.fields = fields;
        }

        @Override
        public void close() {
            for (Field field : fields) {
                field.value = "";
                Mdc.remove(field.key);
            }
        }
    }

    /** An MDC value: the formatter writes its {@code toString()}. */
    private static final class Field {

        final String key;
        volatile String value;

        Field(String key, String value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public String toString() {
            return value;
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

        static void put(String key, Object value) {
            org.jboss.logging.MDC.put(key, value);
        }

        static void remove(String key) {
            org.jboss.logging.MDC.remove(key);
        }
    }
}
