package io.liveupdate.it.support;

import io.liveupdate.calendar.CustomColumns;
import io.liveupdate.calendar.EventData;
import io.liveupdate.calendar.EventField;
import io.liveupdate.calendar.SchedulerEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;

/** Test-only: "another bean" that changes events through JPA directly, not through the connector. */
@ApplicationScoped
public class BackOffice {

    @PersistenceContext(unitName = "liveupdate")
    EntityManager em;

    @Transactional
    public long insert(String calendar, String text) {
        var event = SchedulerEvent.create(calendar, EventData.builder()
                .set(EventField.START_DATE, LocalDateTime.of(2025, 4, 1, 9, 0))
                .set(EventField.END_DATE, LocalDateTime.of(2025, 4, 1, 10, 0))
                .set(EventField.TEXT, text).build(), CustomColumns.NONE);
        em.persist(event);
        em.flush();
        return event.getId();
    }

    @Transactional
    public void rename(long id, String text) {
        em.find(SchedulerEvent.class, id).apply(EventData.builder().set(EventField.TEXT, text).build(), CustomColumns.NONE);
    }

    /** Inserts, reaches the database, then fails: the transaction rolls back. */
    @Transactional
    public void insertThenFail(String calendar, String text) {
        insert(calendar, text);
        throw new IllegalStateException("simulated failure after the insert reached the database");
    }
}
