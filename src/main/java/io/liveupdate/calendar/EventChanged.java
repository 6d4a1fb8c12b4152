package io.liveupdate.calendar;

/**
 * A CDI event fired for every committed insert, update and delete of a scheduler event, whatever code made
 * it through JPA (the connector, another bean, a batch job), on the committing thread right after the commit.
 * A rolled-back change is never fired; a change whose connection broke during COMMIT is fired only if the database
 * did commit it, later and from another thread when the database could not be asked at once ({@link CommitConfirmation}). On PostgreSQL it is fired on every node of a cluster, once, in the calendar's log order: on the
 * other nodes from the change log, one delivery at a time per calendar (for a doorbell on a lane's thread,
 * {@code stream.StreamLanes}; for the periodic check on the listener's; {@link CalendarOrder}); on the committing
 * node a change another node's doorbell got there first with is not fired again. Observe it with a plain {@code @Observes}; {@link #event()} is the row
 * as committed (for a delete, as it was). JPQL bulk updates bypass JPA's callbacks and fire nothing.
 *
 * @param kind what happened to the row
 * @param event an immutable copy of the row
 * @param clientReference the id the saving client knew the row by before it had a server id (a
 *        dataProcessor's temporary id), or null when no client named one
 * @param seq the change's number in its calendar's change log (see {@link ChangeRecords}), 0 if it has none
 * @param epoch the epoch of the calendar's numbers that {@code seq} counts in (persistence.StreamHead), null if not known
 */
public record EventChanged(Kind kind, EventView event, String clientReference, long seq, String epoch) {

    public EventChanged(Kind kind, EventView event, String clientReference) {
        this(kind, event, clientReference, 0);
    }

    public EventChanged(Kind kind, EventView event, String clientReference, long seq) {
        this(kind, event, clientReference, seq, null);
    }

    public enum Kind {
        INSERTED, UPDATED, DELETED;

        public SaveAction asSaveAction() {
            return SaveAction.valueOf(name());
        }
    }
}
