package io.liveupdate.remote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/** The shared positions table in memory, with its only-grows rule; it can be made to fail as a database outage does. */
class InMemoryPositions extends SharedPositions {

    final Map<PageAtCalendar, Long> rows = new HashMap<>();
    /** Every batch written, in order. */
    final List<SortedMap<PageAtCalendar, Long>> batches = new ArrayList<>();
    boolean down;

    @Override
    synchronized OptionalLong recall(PageAtCalendar page) {
        failIfDown();
        Long position = rows.get(page);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    @Override
    synchronized void store(SortedMap<PageAtCalendar, Long> positions) {
        failIfDown();
        if (positions.isEmpty()) return;
        batches.add(new TreeMap<>(positions));
        positions.forEach((page, position) -> rows.merge(page, position, Math::max));
    }

    @Override
    synchronized int trim() {
        failIfDown();
        return 0;
    }

    private void failIfDown() {
        if (down) throw new IllegalStateException("Connection refused (the test's database outage)");
    }
}
