package io.liveupdate.live;

import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.bayeux.SecurityPolicy;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.channels.CalendarChannels;
import java.util.Optional;

/** Clients may subscribe to the update channels but never publish on them: only committed changes go there. */
public class ServerOwnedChannels implements SecurityPolicy {

    @Override
    public boolean canSubscribe(ServerSession session, ChannelId channel) {
        return true;
    }

    @Override
    public boolean canPublish(Optional<ServerSession> session, ChannelId channel) {
        return !CalendarChannels.isServerOwned(channel.toString());
    }
}
