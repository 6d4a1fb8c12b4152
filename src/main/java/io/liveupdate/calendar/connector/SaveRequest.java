package io.liveupdate.calendar.connector;

import java.util.List;

/** A save in one of the dataProcessor's modes: its rows, and the answer format the client expects. */
public record SaveRequest(Answer answer, List<RowChange> rows) {

    public enum Answer {
        /** {@code <data><action type sid tid/>...</data>}: the connector answer every client version reads. */
        XML_ACTIONS,
        /** {@code {"action","sid","tid",...}}: JSON, REST and REST-JSON modes (4.2+). */
        JSON_ACTION
    }
}
