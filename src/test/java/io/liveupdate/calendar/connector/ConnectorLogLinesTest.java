package io.liveupdate.calendar.connector;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.connector.ConnectorErrorMapper;
import io.liveupdate.connector.MalformedRequestException;
import io.liveupdate.connector.RowChange;
import io.liveupdate.connector.SaveRequest;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request data in the connector's log lines: a CR/LF in a form save's status, id or an unreadable request must not
 * start a line of its own that looks like the server's (a forged {@code SEVERE} entry).
 */
class ConnectorLogLinesTest {

    private static final String FORGED = "x\r\n2026-01-01 00:00:00 SEVERE [io.liveupdate] forged\nline";

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<Logger> loggers = List.of(Logger.getLogger(SaveProcessor.class.getName()), Logger.getLogger(ConnectorErrorMapper.class.getName()));
    private Handler handler;

    @BeforeEach
    void capture() {
        handler = new StreamHandler(written, new SimpleFormatter());
        handler.setLevel(Level.ALL);
        loggers.forEach(l -> l.addHandler(handler));
    }

    @AfterEach
    void release() {
        loggers.forEach(l -> l.removeHandler(handler));
    }

    private List<String> lines() {
        handler.flush();
        return written.toString().lines().toList();
    }

    @Test
    void aFormSavesStatusWithCrLfLogsOneLine() {
        var outcomes = new SaveProcessor().apply("c", new SaveRequest(SaveRequest.Answer.XML_ACTIONS,
                List.of(new RowChange(Json.createValue("1712345678901"), FORGED, Map.of()))));

        assertEquals("error", outcomes.get(0).action());
        assertEquals(2, lines().size(), "SimpleFormatter writes a record as a header line and a message line: " + lines());
        String message = lines().get(1);
        assertTrue(message.startsWith("INFO: Refused x??2026-01-01 00:00:00 SEVERE [io.liveupdate] forged?line of row"), message);
    }

    @Test
    void anIdWithCrLfIsRefusedAndLogsOneLine() {
        var outcomes = new SaveProcessor().apply("c", new SaveRequest(SaveRequest.Answer.XML_ACTIONS,
                List.of(new RowChange(Json.createValue(FORGED), "inserted", Map.of()))));

        assertEquals("invalid", outcomes.get(0).action());
        assertTrue(outcomes.get(0).message().contains("ids are 1 to 64 letters, digits, '_' or '-'"), outcomes.get(0).message());
        assertEquals(2, lines().size(), lines().toString());
    }

    @Test
    void anUnreadableRequestLogsOneLineAndAFailureNoForgedOne() {
        var malformed = new MalformedRequestException("malformed form encoding near '" + FORGED + "'");
        ConnectorErrorMapper.log(malformed, ConnectorErrorMapper.statusOf(malformed));
        assertEquals(2, lines().size(), lines().toString());

        written.reset();
        var failure = new IllegalStateException("outer " + FORGED, new RuntimeException("inner " + FORGED));
        assertEquals(500, ConnectorErrorMapper.statusOf(failure).getStatusCode());
        ConnectorErrorMapper.log(failure, ConnectorErrorMapper.statusOf(failure));
        List<String> logged = lines();
        assertTrue(logged.stream().noneMatch(l -> l.contains("SEVERE [io.liveupdate] forged")
                && !l.contains("forged?line")), "every forged text stays inside its own line: " + logged);
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("java.lang.IllegalStateException: outer x??")), logged.toString());
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("Caused by: java.lang.RuntimeException: inner x??")), logged.toString());
        assertTrue(logged.stream().anyMatch(l -> l.trim().startsWith("at io.liveupdate.calendar.connector.ConnectorLogLinesTest")),
                "the stack trace is kept");
    }

    @Test
    void aPlainSchedulerTemporaryIdIsAccepted() {
        // No EventService here: a plain id passes the id rule and reaches the status check, which refuses "renamed".
        var outcomes = new SaveProcessor().apply("c", new SaveRequest(SaveRequest.Answer.XML_ACTIONS,
                List.of(new RowChange(Json.createValue(1700000000000L), "renamed", Map.of()),
                        new RowChange(Json.createValue("1700000000000"), "renamed", Map.of()),
                        new RowChange(JsonValue.NULL, "renamed", Map.of()),
                        new RowChange(Json.createValue(1.5), "renamed", Map.of()))));
        assertEquals(List.of("error", "error", "error", "invalid"), outcomes.stream().map(RowOutcome::action).toList());
    }
}
