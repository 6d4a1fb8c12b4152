package io.liveupdate.calendar;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.mappings.DatabaseMapping;

/**
 * Reads the custom field columns from the mapping EclipseLink deployed: the virtual attributes of
 * {@link SchedulerEvent} (those an external orm.xml maps with {@code access="VIRTUAL"}), each with its
 * {@code attribute-type}, and whether {@code customFields}, the JSON column, is still mapped. EclipseLink's own
 * descriptor rather than the JPA metamodel, since only it says which attribute is virtual.
 */
final class MappedCustomColumns {

    private static final String JSON_COLUMN = "customFields";

    private MappedCustomColumns() {
    }

    static CustomColumns of(EntityManager em) {
        var descriptor = em.getEntityManagerFactory().unwrap(JpaEntityManagerFactory.class).getDatabaseSession()
                .getClassDescriptor(SchedulerEvent.class);
        Map<String, Class<?>> columns = new LinkedHashMap<>();
        boolean jsonColumn = false;
        for (DatabaseMapping mapping : descriptor.getMappings()) {
            if (mapping.getAttributeAccessor().isVirtualAttributeAccessor()) {
                if (!mapping.isDirectToFieldMapping()) {
                    throw new IllegalStateException("the custom field " + mapping.getAttributeName()
                            + " must be mapped as a <basic> column, not " + mapping.getClass().getSimpleName());
                }
                columns.put(mapping.getAttributeName(), mapping.getAttributeClassification());
            } else if (mapping.getAttributeName().equals(JSON_COLUMN)) {
                jsonColumn = true;
            }
        }
        return columns.isEmpty() && jsonColumn ? CustomColumns.NONE : new CustomColumns(columns, jsonColumn);
    }
}
