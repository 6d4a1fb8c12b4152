package io.liveupdate.storage;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.bayeux.ChannelId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which channels are storages: the reserved ones never are. */
class StorageChannelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/chat", "/data", "/chat/room-1", "/updates", "/broadcasts", "/calendar", "/update/x"})
    void plainChannelsAreStorages(String name) {
        assertTrue(StorageChannels.isStorage(ChannelId.of(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/meta/subscribe", "/meta/x", "/service/x", "/update", "/broadcast", "/calendars",
            "/calendars/team/update", "/calendars/x"})
    void reservedChannelsAreNot(String name) {
        assertFalse(StorageChannels.isStorage(ChannelId.of(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/chat/*", "/chat/**", "/**"})
    void patternsAreNot(String name) {
        assertFalse(StorageChannels.isStorage(ChannelId.of(name)));
    }

    @Test
    void aNameLongerThanTheColumnDoesNotFit() {
        assertTrue(StorageChannels.fits(ChannelId.of("/" + "c".repeat(StorageChannels.MAX_LENGTH - 1))));
        assertFalse(StorageChannels.fits(ChannelId.of("/" + "c".repeat(StorageChannels.MAX_LENGTH))));
    }
}
