package io.liveupdate.wire;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The chart's items as pages read them: dates in the chart's date_format, everything else as the log keeps it. */
class GanttWriterTest {

    @Test
    void anItemsIsoDatesAreWrittenInTheChartsFormat() {
        var item = GanttWriter.item(json("{'id':7,'text':'Plan','start_date':'2025-01-15T09:30','duration':3,"
                + "'end_date':'2025-01-18T09:30:45','color':'#ff0000','version':2}"));

        assertEquals(json("{'id':7,'text':'Plan','start_date':'15-01-2025 09:30','duration':3,'end_date':'18-01-2025 09:30',"
                + "'color':'#ff0000','version':2}"), item);
    }

    @Test
    void aDateLoggedInThePagesFormAlreadyAndOtherFieldsAreLeftAsTheyAre() {
        var logged = json("{'id':7,'start_date':'15-01-2025 09:30','end_date':'','text':'2025-01-15T09:30'}");

        assertEquals(logged, GanttWriter.item(logged));
    }

    @Test
    void aChangesTaskOrLinkIsWrittenTheRestKept() {
        var change = GanttWriter.change(json("{'type':'add-task','sid':'t1','task':{'id':7,'start_date':'2025-01-15T00:00'}}"));
        assertEquals(json("{'type':'add-task','sid':'t1','task':{'id':7,'start_date':'15-01-2025 00:00'}}"), change);

        var deleted = json("{'type':'delete-link','link':{'id':3}}");
        assertEquals(deleted, GanttWriter.change(deleted));
    }

    @Test
    void aLoadsTasksAreWritten() {
        var chart = GanttWriter.chart(json("{'data':[{'id':1,'start_date':'2025-02-01T08:00'}],'links':[{'id':2,'source':1,'target':1}]}"));

        assertEquals(json("{'data':[{'id':1,'start_date':'01-02-2025 08:00'}],'links':[{'id':2,'source':1,'target':1}]}"), chart);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }
}
