package io.liveupdate.remote;

import io.liveupdate.calendar.ChangeRecords;
import io.liveupdate.calendar.EventChanged;
import io.liveupdate.persistence.ChangeLog;
import io.liveupdate.persistence.LoggedChange;
import io.liveupdate.persistence.StreamHead;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** One calendar's change log, in memory, in place of the database's: every change kept, no epoch. */
final class CalendarLog extends ChangeLog {

    private final List<LoggedChange> changes = new ArrayList<>();

    /** Numbers the change in the log, as its commit does; it is not fired. */
    synchronized EventChanged commit(EventChanged change) {
        var numbered = new EventChanged(change.kind(), change.event(), change.clientReference(), changes.size() + 1);
        changes.add(new LoggedChange(ChangeRecords.streamOf(change.event().calendar()), numbered.seq(), ChangeRecords.toJson(numbered)));
        return numbered;
    }

    @Override
    public synchronized StreamHead head(String stream) {
        return new StreamHead(changes.size(), null);
    }

    @Override
    public synchronized OptionalLong firstKept(String stream) {
        return changes.isEmpty() ? OptionalLong.empty() : OptionalLong.of(1);
    }

    @Override
    public synchronized List<LoggedChange> after(String stream, long seq, int limit) {
        return List.copyOf(changes.subList((int) seq, (int) Math.min(changes.size(), seq + limit)));
    }
}
