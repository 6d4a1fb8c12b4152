package io.liveupdate.gantt;

import io.liveupdate.json.Json;
import io.liveupdate.persistence.ChangeLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers every change {@link GanttService} makes in its chart's stream ({@value #PREFIX}{@code <name>}), in the
 * saving transaction, and hands the stream to {@link GanttOrder} once the transaction has ended. The ordering point
 * reads the log itself, so what is delivered is what the database committed: a rolled-back change has no entry,
 * and a commit whose outcome the transaction manager misreported is still found (or not) there.
 */
@ApplicationScoped
public class GanttChanges {

    static final String PREFIX = "gantt:";
    private static final Object KEY = GanttChanges.class;

    @Inject
    ChangeLog log;

    @Inject
    GanttOrder order;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public static String streamOf(String gantt) {
        return PREFIX + gantt;
    }

    static String ganttOf(String stream) {
        return stream.substring(PREFIX.length());
    }

    static boolean isGantt(String stream) {
        return stream.startsWith(PREFIX);
    }

    /**
     * Makes the chart's saves run one at a time, on every node, from here to the end of the transaction: the chart's
     * stream's counter row is locked ({@link ChangeLog#lock}). A loop of dependencies is a rule over the whole chart,
     * so two saves checked side by side could each close half of one; one after the other, the second sees the first.
     * Taken first in every save, so that the saves' own row locks cannot deadlock behind it.
     */
    void lock(String gantt) {
        log.lock(streamOf(gantt));
    }

    void added(String gantt, String entity, JsonObject item, String clientReference) {
        var message = Json.createObjectBuilder().add("type", "add-" + entity).add(entity, item);
        if (clientReference != null) message.add("sid", clientReference);
        append(gantt, message.build());
    }

    void updated(String gantt, String entity, JsonObject item) {
        append(gantt, Json.createObjectBuilder().add("type", "update-" + entity).add(entity, item).build());
    }

    void deleted(String gantt, String entity, long id) {
        append(gantt, Json.createObjectBuilder().add("type", "delete-" + entity).add(entity, GanttItems.idOnly(id)).build());
    }

    /** Must run in the saving transaction ({@link GanttService} methods are transactional). */
    @SuppressWarnings("unchecked")
    private void append(String gantt, JsonObject message) {
        String stream = streamOf(gantt);
        long seq = log.append(stream, message).seq();
        var pending = (Map<String, Long>) transactions.getResource(KEY);
        if (pending == null) {
            pending = new HashMap<>();
            transactions.putResource(KEY, pending);
            transactions.registerInterposedSynchronization(new DeliverAfterCompletion(pending));
        }
        pending.merge(stream, seq, Math::max);
    }

    private final class DeliverAfterCompletion implements Synchronization {
        private final Map<String, Long> pending;

        DeliverAfterCompletion(Map<String, Long> pending) {
            this.pending = pending;
        }

        @Override
        public void beforeCompletion() {
            // nothing: the changes are in the log already
        }

        @Override
        public void afterCompletion(int status) {
            // Whatever the status says: the log decides (see the class comment).
            pending.forEach(order::committed);
        }
    }
}
