package io.liveupdate.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveupdate.persistence.ChangeLog;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The doorbell's text as nodes ring it, with an epoch and without (a node from before epochs), and what is not one. */
class DoorbellTest {

    @Test
    void aDoorbellWithAnEpochIsReadBack() {
        String rung = ChangeLog.doorbell("calendar:team room", 42, "0a1b2c3d4e5f");

        assertEquals("42:0a1b2c3d4e5f calendar:team room", rung);
        assertEquals(Optional.of(new Doorbell("calendar:team room", 42, "0a1b2c3d4e5f")), Doorbell.parse(rung));
    }

    @Test
    void aDoorbellOfANodeFromBeforeEpochsHasNone() {
        assertEquals(Optional.of(new Doorbell("storage:/chat", 7, null)), Doorbell.parse("7 storage:/chat"));
        assertEquals("7 storage:/chat", ChangeLog.doorbell("storage:/chat", 7, null));
    }

    @Test
    void whatIsNotADoorbellIsRefused() {
        for (String payload : new String[] {null, "", "7", "7 ", " calendar:a", "0 calendar:a", "-3 calendar:a", "x calendar:a",
                "7: calendar:a", ":abc calendar:a", "7:abc", "99999999999999999999 calendar:a"}) {
            assertEquals(Optional.empty(), Doorbell.parse(payload), String.valueOf(payload));
        }
    }
}
