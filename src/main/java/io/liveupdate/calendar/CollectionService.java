package io.liveupdate.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The option collections of a calendar, grouped by collection name in their sort order. */
@ApplicationScoped
public class CollectionService {

    @PersistenceContext(unitName = "liveupdate")
    EntityManager em;

    public Map<String, List<CollectionOption>> collectionsOf(String calendar) {
        Map<String, List<CollectionOption>> byName = new LinkedHashMap<>();
        em.createNamedQuery(CollectionOption.FIND_BY_CALENDAR, CollectionOption.class)
                .setParameter("calendar", calendar)
                .getResultList()
                .forEach(option -> byName.computeIfAbsent(option.collection(), k -> new java.util.ArrayList<>()).add(option));
        return byName;
    }
}
