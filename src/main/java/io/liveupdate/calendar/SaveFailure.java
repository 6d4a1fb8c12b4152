package io.liveupdate.calendar;

/** Why a save of one row was refused, for a connector to answer in its client's terms. */
public enum SaveFailure {
    /** The data is wrong ({@link InvalidEventException}). */
    INVALID,
    /** No such event in this calendar ({@link UnknownEventException}). */
    UNKNOWN,
    /** Someone else's change won: a stale version, or a lost race; the stored row is given when there is one. */
    STALE,
    /** The commit itself failed: the database may have it (then it is sent live like any change). */
    NOT_CONFIRMED,
    /** The database refused or failed before the commit: nothing was saved. */
    FAILED
}
