package io.liveupdate.gantt;

/** Why a save of one task or link was refused, for a connector to answer in its client's terms. */
public enum GanttFailure {
    /** The data breaks a rule of the chart ({@link GanttRefusal}). */
    INVALID,
    /** No such task or link in this chart ({@link UnknownGanttItem}). */
    UNKNOWN,
    /** Someone else's change won: a stale version, or a lost race; the stored item is given when there is one. */
    STALE,
    /** The database refused or failed: nothing was saved. */
    FAILED
}
