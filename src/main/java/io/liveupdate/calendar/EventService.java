package io.liveupdate.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Saves and loads scheduler events. Each save runs in a transaction of its own, so one bad row of a batch
 * never takes the others with it, and a refused row leaves nothing behind.
 */
@ApplicationScoped
public class EventService {

    @PersistenceContext(unitName = "liveupdate")
    EntityManager em;

    /** Read from the deployed mapping at the first save: it does not change while the WAR runs. */
    private volatile CustomColumns customColumns;

    private CustomColumns customColumns() {
        CustomColumns read = customColumns;
        if (read == null) customColumns = read = MappedCustomColumns.of(em);
        return read;
    }

    /**
     * @param clientReference the saving client's temporary id for the new row, or null; it travels with the
     *        change event so that live clients can tell their own insert
     */
    @Transactional(TxType.REQUIRES_NEW)
    public SavedEvent insert(String calendar, EventData data, String clientReference) {
        var event = SchedulerEvent.create(calendar, data, customColumns());
        event.rememberClientReference(clientReference);
        em.persist(event);
        em.flush();
        // The client removes a deleted-occurrence marker it just created when told "deleted"; the stored
        // marker keeps the occurrence hidden for everyone who loads the series.
        var action = event.isDeletedOccurrence() ? SaveAction.DELETED : SaveAction.INSERTED;
        return new SavedEvent(action, event.view());
    }

    @Transactional(TxType.REQUIRES_NEW)
    public SavedEvent update(String calendar, long id, EventData data) {
        var event = require(calendar, id);
        event.requireEditedVersion(data.get(EventField.VERSION, Long.class));
        event.apply(data, customColumns());
        if (event.isSeries()) removeExceptionsOf(event);
        em.flush();
        return new SavedEvent(SaveAction.UPDATED, event.view());
    }

    /** @param editedVersion the version the client deleted, or null to delete whatever is stored */
    @Transactional(TxType.REQUIRES_NEW)
    public SavedEvent delete(String calendar, long id, Long editedVersion) {
        var event = require(calendar, id);
        event.requireEditedVersion(editedVersion);
        if (event.isException()) {
            event.markOccurrenceDeleted();
            em.flush();
            return new SavedEvent(SaveAction.DELETED, event.view());
        }
        if (event.isSeries()) removeExceptionsOf(event);
        var last = event.view();
        em.remove(event);
        em.flush();
        return new SavedEvent(SaveAction.DELETED, last);
    }

    /** Every event of the calendar, or those that overlap [from, to) when both are given. */
    @Transactional(TxType.SUPPORTS)
    public List<EventView> load(String calendar, LocalDateTime from, LocalDateTime to) {
        var query = (from == null || to == null)
                ? em.createNamedQuery(SchedulerEvent.FIND_ALL, SchedulerEvent.class)
                : em.createNamedQuery(SchedulerEvent.FIND_IN_RANGE, SchedulerEvent.class)
                        .setParameter("from", from)
                        .setParameter("to", to);
        return query.setParameter("calendar", calendar).getResultList().stream().map(SchedulerEvent::view).toList();
    }

    /** The stored event, if this calendar has it. */
    @Transactional(TxType.SUPPORTS)
    public Optional<EventView> find(String calendar, long id) {
        var event = em.find(SchedulerEvent.class, id);
        return event == null || !event.getCalendar().equals(calendar) ? Optional.empty() : Optional.of(event.view());
    }

    private SchedulerEvent require(String calendar, long id) {
        var event = em.find(SchedulerEvent.class, id);
        if (event == null || !event.getCalendar().equals(calendar)) throw new UnknownEventException(calendar, id);
        return event;
    }

    private void removeExceptionsOf(SchedulerEvent series) {
        em.createNamedQuery(SchedulerEvent.FIND_EXCEPTIONS, SchedulerEvent.class)
                .setParameter("calendar", series.getCalendar())
                .setParameter("series", series.getId())
                .getResultList()
                .forEach(em::remove);
    }
}
