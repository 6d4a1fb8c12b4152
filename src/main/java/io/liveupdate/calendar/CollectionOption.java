package io.liveupdate.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * One option of a named collection (e.g. the sections of a timeline) that a load hands to the scheduler's
 * serverList(collection). Maintained by the operator in the database.
 */
@Entity
@Table(name = "scheduler_collection_option")
@IdClass(CollectionOption.Key.class)
@NamedQuery(name = CollectionOption.FIND_BY_CALENDAR,
        query = "SELECT o FROM CollectionOption o WHERE o.calendar = :calendar ORDER BY o.collection, o.sortOrder, o.value")
public class CollectionOption {

    public static final String FIND_BY_CALENDAR = "CollectionOption.findByCalendar";

    @Id
    private String calendar;
    @Id
    private String collection;
    @Id
    @Column(name = "option_value")
    private String value;
    @Column(name = "option_label", nullable = false)
    private String label;
    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected CollectionOption() {
        // for JPA
    }

    public String collection() {
        return collection;
    }

    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String calendar;
        String collection;
        String value;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && calendar.equals(k.calendar) && collection.equals(k.collection) && value.equals(k.value);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(calendar, collection, value);
        }
    }
}
