package io.liveupdate.storage;

import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.live.NumberedChannels;
import io.liveupdate.persistence.LoggedChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The storage channels as numbered channels: each storage is a change log stream ({@value #PREFIX}{@code <channel>})
 * holding every stored operation as its subscribers got it, so a Faye client with js/live-catchup.js (the Webix
 * proxy in js/webix-faye-proxy.js attaches it) is sent what it missed. When that is no longer kept, the reload
 * signal is followed by the stored items: the proxy empties its view on the signal, and the items fill it again.
 */
@ApplicationScoped
public class StorageNumbering implements NumberedChannels {

    static final String PREFIX = "storage:";
    /** The logged entry: what subscribers were sent as the publish's data. */
    static final String DATA = "data";

    @Inject
    SnapshotOnSubscribe snapshots;

    /** The stream of a storage channel known to be one. */
    static String streamOfStorage(String channel) {
        return PREFIX + channel;
    }

    @Override
    public Optional<String> streamOf(String channel) {
        return ChannelId.parse(channel).filter(StorageChannels::isStorage).filter(StorageChannels::fits).map(c -> streamOfStorage(c.toString()));
    }

    @Override
    public JsonValue dataOf(LoggedChange change) {
        return ClientMarkers.replayable(change.payload().get(DATA));
    }

    @Override
    public void afterReload(ServerSession session, String channel) {
        ChannelId.parse(channel).ifPresent(id -> snapshots.deliverTo(session, id));
    }
}
