package io.liveupdate.gantt.connector;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.gantt.GanttRefusal;
import io.liveupdate.gantt.TaskMove;
import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class GanttFieldsTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void restJsonTaskAsTheClientSendsIt() {
        var task = GanttFields.task(json("{\"text\":\"Plan\",\"start_date\":\"15-01-2025 09:30\",\"duration\":3,\"end_date\":\"18-01-2025 09:30\","
                + "\"progress\":0.25,\"parent\":\"0\",\"open\":true,\"type\":\"project\",\"version\":2,\"target\":\"next:7\","
                + "\"owner\":{\"name\":\"Ann\"},\"$level\":1,\"_hidden\":true,\"sortorder\":3}"));
        assertEquals("Plan", task.text());
        assertEquals(LocalDateTime.of(2025, 1, 15, 9, 30), task.startDate());
        assertEquals(LocalDateTime.of(2025, 1, 18, 9, 30), task.endDate());
        assertEquals(3.0, task.duration());
        assertEquals(0.25, task.progress());
        assertEquals(0L, task.parent());
        assertEquals(true, task.open());
        assertEquals("project", task.type());
        assertEquals(2L, task.version());
        assertEquals(new TaskMove(7, true), task.move());
        assertEquals(json("{\"owner\":{\"name\":\"Ann\"}}"), task.custom(), "custom kept as typed; page state and server fields dropped");
    }

    @Test
    void coloursThatGanttWritesIntoAStyleAttributeMustBeCssColours() {
        var task = GanttFields.task(json("{\"text\":\"Plan\",\"color\":\"#ff8800\",\"textColor\":\"white\",\"progressColor\":\"rgb(0, 128, 0)\"}"));
        assertEquals(json("{\"color\":\"#ff8800\",\"textColor\":\"white\",\"progressColor\":\"rgb(0, 128, 0)\"}"), task.custom());
        for (String field : new String[] {"color", "textColor", "progressColor"}) {
            var refusal = assertThrows(GanttRefusal.class, () -> GanttFields.task(json("{\"" + field + "\":\"red' onmouseover='alert(1)\"}")));
            assertTrue(refusal.getMessage().startsWith(field + " ") && refusal.getMessage().contains("not a CSS colour"), refusal.getMessage());
        }
        assertThrows(GanttRefusal.class, () -> GanttFields.link(json("{\"source\":1,\"target\":2,\"color\":\"red;background:url(x)\"}")));
        assertEquals(json("{\"color\":\"\"}"), GanttFields.link(json("{\"source\":1,\"target\":2,\"color\":\"\"}")).custom(), "empty: the default colour");
    }

    @Test
    void formValuesAreStringsAndEmptyNamesNothing() {
        var task = GanttFields.task(json("{\"text\":\"x\",\"start_date\":\"2025-01-15 00:00\",\"end_date\":\"\",\"duration\":\"2\","
                + "\"progress\":\"0\",\"open\":\"1\",\"parent\":\"12\",\"color\":\"\"}"));
        assertNull(task.endDate());
        assertEquals(2.0, task.duration());
        assertEquals(true, task.open());
        assertEquals(12L, task.parent());
        assertEquals(json("{\"color\":\"\"}"), task.custom());
    }

    @Test
    void unreadableFieldsAreRefusedByName() {
        assertRefused("{\"start_date\":\"31-02-2025 00:00\"}", "start_date");
        assertRefused("{\"start_date\":\"yesterday\"}", "start_date");
        assertRefused("{\"end_date\":\"" + "1".repeat(100) + "\"}", "end_date");
        assertRefused("{\"duration\":\"three\"}", "duration");
        assertRefused("{\"duration\":-1}", "duration");
        assertRefused("{\"progress\":1.5}", "progress");
        assertRefused("{\"parent\":\"<b>\"}", "parent");
        assertRefused("{\"parent\":1.5}", "parent");
        assertRefused("{\"open\":\"maybe\"}", "open");
        assertRefused("{\"type\":\"<img src=x>\"}", "type");
        assertRefused("{\"text\":\"a\\u0000b\"}", "text");
    }

    @Test
    void linkFields() {
        var link = GanttFields.link(json("{\"source\":\"3\",\"target\":4,\"type\":\"1\",\"lag\":2,\"version\":5}"));
        assertEquals(3L, link.source());
        assertEquals(4L, link.target());
        assertEquals("1", link.type());
        assertEquals(5L, link.version());
        assertEquals(json("{\"lag\":2}"), link.custom());
        assertThrows(GanttRefusal.class, () -> GanttFields.link(json("{\"source\":\"a\"}")));
    }

    private static void assertRefused(String fields, String named) {
        var refusal = assertThrows(GanttRefusal.class, () -> GanttFields.task(json(fields)), fields);
        assertTrue(refusal.getMessage().startsWith(named), refusal.getMessage());
    }
}
