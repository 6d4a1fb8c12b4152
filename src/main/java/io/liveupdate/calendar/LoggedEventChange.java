package io.liveupdate.calendar;

import io.liveupdate.persistence.LoggedChange;

/**
 * A change as its transaction wrote it to the change log: the event to fire once committed, and the log entry
 * that shows whether it was (see {@link CommitConfirmation}).
 */
record LoggedEventChange(EventChanged change, LoggedChange entry) {
}
