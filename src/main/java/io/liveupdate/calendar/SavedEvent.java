package io.liveupdate.calendar;

/**
 * What a committed save did: the action to report (an inserted deleted-occurrence is reported "deleted")
 * and the row as stored, or as it was just before a delete.
 */
public record SavedEvent(SaveAction action, EventView event) {
}
