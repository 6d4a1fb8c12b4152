package io.liveupdate.connector;

import java.util.List;

/**
 * A save in one of the dataProcessor's modes: its rows, the answer format the client expects, and the
 * {@code dhx_security} key its form carried (batched form saves send it back; null when none was sent).
 */
public record SaveRequest(Answer answer, List<RowChange> rows, String securityKey) {

    public SaveRequest(Answer answer, List<RowChange> rows) {
        this(answer, rows, null);
    }

    SaveRequest withSecurityKey(String key) {
        return new SaveRequest(answer, rows, key);
    }

    public enum Answer {
        /** {@code <data><action type sid tid/>...</data>}: the connector answer every client version reads. */
        XML_ACTIONS,
        /** {@code {"action","sid","tid",...}}: JSON, REST and REST-JSON modes (4.2+). */
        JSON_ACTION
    }
}
