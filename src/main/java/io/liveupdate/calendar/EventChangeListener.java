package io.liveupdate.calendar;

import jakarta.inject.Inject;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;

/**
 * The only link from persistence to delivery: JPA calls it for every {@link SchedulerEvent} a transaction
 * touches and writes, whichever code did it, and {@link CommittedChanges} fires the writes once committed.
 */
public class EventChangeListener {

    @Inject
    CommittedChanges committed;

    /** Every change of a row starts with loading, persisting or removing it. */
    @PostLoad
    @PrePersist
    @PreRemove
    void touched(SchedulerEvent event) {
        committed.enlist();
    }

    @PostPersist
    void inserted(SchedulerEvent event) {
        record(EventChanged.Kind.INSERTED, event);
    }

    @PostUpdate
    void updated(SchedulerEvent event) {
        record(EventChanged.Kind.UPDATED, event);
    }

    @PostRemove
    void deleted(SchedulerEvent event) {
        record(EventChanged.Kind.DELETED, event);
    }

    private void record(EventChanged.Kind kind, SchedulerEvent event) {
        committed.record(new EventChanged(kind, event.view(), event.clientReference()));
    }
}
