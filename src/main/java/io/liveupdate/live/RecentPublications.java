package io.liveupdate.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The changes the server itself published lately, so that a browser re-publishing the same change on
 * {@code /broadcast} (as the original plugin does after each save) is not delivered a second time.
 */
@ApplicationScoped
public class RecentPublications {

    private static final int CAPACITY = 10_000;
    private static final long WINDOW_MILLIS = 60_000;

    private final Map<String, Long> published = new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized void remember(String calendar, String id, String status) {
        published.put(key(calendar, id, status), System.currentTimeMillis());
    }

    public synchronized boolean wasPublished(String calendar, String id, String status) {
        Long at = published.get(key(calendar, id, status));
        return at != null && System.currentTimeMillis() - at < WINDOW_MILLIS;
    }

    private static String key(String calendar, String id, String status) {
        return calendar + '\n' + id + '\n' + status;
    }
}
