package io.liveupdate.gantt;

/** A save whose data breaks a rule of the chart (a bad date, a cycle, a link across charts): answered "invalid", nothing saved. */
public class GanttRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GanttRefusal(String reason) {
        super(reason);
    }
}
