package io.liveupdate.it.support;

import io.liveupdate.calendar.EventChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only observer, deployed with the test WAR: records every committed change event. */
@ApplicationScoped
public class RecordedChanges {

    private final List<EventChanged> committed = new CopyOnWriteArrayList<>();

    void onCommitted(@Observes EventChanged change) {
        committed.add(change);
    }

    public List<EventChanged> of(String calendar) {
        return committed.stream().filter(c -> c.event().calendar().equals(calendar)).toList();
    }
}
