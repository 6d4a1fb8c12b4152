package io.liveupdate.gantt;

/** An update names a task or link this chart does not have: answered "error". */
public class UnknownGanttItem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownGanttItem(String gantt, String what, Object id) {
        super("no " + what + " with id " + id + " in gantt '" + gantt + "'");
    }
}
