package io.liveupdate.live;

import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.persistence.LoggedChange;
import io.liveupdate.storage.SnapshotOnSubscribe;
import io.liveupdate.storage.StorageChannels;
import io.liveupdate.storage.StorageStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The storage channels as numbered channels: each storage is a change log stream ({@link StorageStreams})
 * holding every stored operation as its subscribers got it, so a Faye client with js/live-catchup.js (the Webix
 * proxy in js/webix-faye-proxy.js attaches it) is sent what it missed. When that is no longer kept, the reload
 * signal is followed by the stored items: the proxy empties its view on the signal, and the items fill it again.
 */
@ApplicationScoped
public class StorageNumbering implements NumberedChannels {

    @Inject
    SnapshotOnSubscribe snapshots;

    @Override
    public Optional<String> streamOf(String channel) {
        return ChannelId.parse(channel).filter(StorageChannels::isStorage).filter(StorageChannels::fits).map(c -> StorageStreams.of(c.toString()));
    }

    @Override
    public JsonValue dataOf(LoggedChange change) {
        return StorageStreams.replayableData(change.payload());
    }

    @Override
    public void afterReload(ServerSession session, String channel) {
        ChannelId.parse(channel).ifPresent(id -> snapshots.deliverTo(session, id));
    }
}
