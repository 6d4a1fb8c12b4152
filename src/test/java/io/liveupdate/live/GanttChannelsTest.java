package io.liveupdate.live;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.channels.GanttChannels;
import io.liveupdate.storage.StorageChannels;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GanttChannelsTest {

    @Test
    void aChartsChannelNamesItsChart() {
        assertEquals("/gantts/team/update", GanttChannels.updateChannel("team"));
        assertEquals(Optional.of("team"), GanttChannels.ganttOf("/gantts/team/update"));
        assertEquals(Optional.empty(), GanttChannels.ganttOf("/gantts/a/b/update"));
        assertEquals(Optional.empty(), GanttChannels.ganttOf("/gantts/team"));
        assertEquals(Optional.of("gantt:team"), new GanttNumbering().streamOf("/gantts/team/update"));
        assertEquals(Optional.empty(), new GanttNumbering().streamOf("/calendars/team/update"));
    }

    @Test
    void onlyTheServerPublishesThereAndItIsNoStorage() {
        var channel = ChannelId.parse("/gantts/team/update").orElseThrow();
        assertFalse(new ServerOwnedChannels().canPublish(Optional.empty(), channel));
        assertFalse(new ServerOwnedChannels().canPublish(Optional.empty(), ChannelId.parse("/gantts/anything").orElseThrow()));
        assertFalse(StorageChannels.isStorage(channel), "a publish there is never stored as a Webix storage operation");
        assertTrue(StorageChannels.isStorage(ChannelId.parse("/ganttsx").orElseThrow()));
    }

    @Test
    void readingItNeedsTheGrantOnTheChart() {
        assertEquals("gantt:team", ChannelAuthorization.resource(ChannelId.parse("/gantts/team/update").orElseThrow()));
        assertEquals("*", ChannelAuthorization.resource(ChannelId.parse("/gantts/a/b").orElseThrow()));
    }
}
