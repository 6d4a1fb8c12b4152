package io.liveupdate.live;

import io.liveupdate.channels.GanttChannels;
import io.liveupdate.gantt.GanttChanges;
import io.liveupdate.persistence.LoggedChange;
import io.liveupdate.wire.GanttWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import java.util.Optional;

/** The charts' channels ({@code /gantts/<name>/update}): each is its chart's stream, whose entries are the messages sent, as the chart reads them ({@link GanttWriter#change}). */
@ApplicationScoped
public class GanttNumbering implements NumberedChannels {

    @Override
    public Optional<String> streamOf(String channel) {
        return GanttChannels.ganttOf(channel).map(GanttChanges::streamOf);
    }

    @Override
    public JsonValue dataOf(LoggedChange change) {
        return GanttWriter.change(change.payload());
    }
}
