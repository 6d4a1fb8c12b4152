package io.liveupdate.calendar;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.persistence.LoggedChange;
import jakarta.json.Json;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** A change kept in the change log comes back as the same change, whichever fields the row has. */
class ChangeRecordsTest {

    private static final LocalDateTime NINE = LocalDateTime.of(2025, 4, 1, 9, 0);

    @Test
    void aPlainInsertComesBackAsItWas() {
        var event = new EventView(42L, "team", NINE, NINE.plusHours(1), "<b>Plan</b> \"ü\"", null, null, null, null, false,
                null, null, null, Json.createObjectBuilder().add("section_id", 2).add("color", "").build(), 3);
        var change = new EventChanged(EventChanged.Kind.INSERTED, event, "temp_17");
        var back = ChangeRecords.fromJson(new LoggedChange("calendar:team", 7, ChangeRecords.toJson(change)));
        assertEquals(new EventChanged(EventChanged.Kind.INSERTED, event, "temp_17", 7), back);
    }

    @Test
    void aRecurringExceptionWithoutClientReferenceComesBackAsItWas() {
        var event = new EventView(43L, "default", NINE, NINE.plusMinutes(30), "x", "FREQ=DAILY", 1800L, 40L, NINE.minusDays(1), true,
                "week_1___", 40L, 1800L, Json.createObjectBuilder().build(), 1);
        var change = new EventChanged(EventChanged.Kind.DELETED, event, null);
        var back = ChangeRecords.fromJson(new LoggedChange("calendar:default", 1, ChangeRecords.toJson(change)));
        assertEquals(new EventChanged(EventChanged.Kind.DELETED, event, null, 1), back);
    }
}
