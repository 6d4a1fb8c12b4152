package io.liveupdate.calendar.connector;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.connector.MalformedRequestException;
import io.liveupdate.connector.SaveRequestReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Found by FuzzIT: a save body nested beyond the JSON parser's limit is a malformed request (400), not an internal
 * error, and a number too large for a date or an id is refused, not silently wrapped (1e999999999 was stored as 1970).
 */
class DeepNestingSaveTest {

    @Test
    void aNumberTooLargeForADateOrAnIdIsInvalid() {
        var huge = jakarta.json.Json.createReader(new java.io.StringReader("1e999999999")).readValue();
        var date = assertThrows(io.liveupdate.calendar.InvalidEventException.class,
                () -> EventDataReader.read(java.util.Map.of("start_date", huge)));
        assertTrue(date.getMessage().contains("start_date"), date.getMessage());
        assertThrows(io.liveupdate.calendar.InvalidEventException.class,
                () -> EventDataReader.read(java.util.Map.of("event_length", jakarta.json.Json.createValue(new java.math.BigInteger("99999999999999999999")))));
    }

    @Test
    void aDeeplyNestedBodyIsMalformed() {
        byte[] deep = ("{\"text\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(MalformedRequestException.class, () -> SaveRequestReader.read("POST", null, "application/json", null, deep));
        assertTrue(e.getMessage().contains("JSON body"), e.getMessage());
        byte[] notAnObject = "[1]".getBytes(StandardCharsets.UTF_8);
        assertThrows(MalformedRequestException.class, () -> SaveRequestReader.read("PUT", "1", "application/json", null, notAnObject));
    }
}
