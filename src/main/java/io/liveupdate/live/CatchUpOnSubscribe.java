package io.liveupdate.live;

import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.bayeux.SubscriptionListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tells a client with the catch-up extension where a numbered channel (a calendar, a storage) stands when it first subscribes, and replays
 * what it missed when it subscribes with {@code ext.lastSeq} (both remembered by {@link CatchUpExtension}): after a re-handshake (network loss, server restart, a slow consumer cut loose), Faye
 * re-subscribes on its own, and our client extension adds the number of the last change it has.
 */
@ApplicationScoped
public class CatchUpOnSubscribe implements SubscriptionListener {

    @Inject
    ChannelReplay replay;

    @Override
    public void subscribed(ServerSession session, ChannelId channel) {
        Object asked = session.attributes().remove(CatchUpExtension.attributeFor(channel.toString()));
        if (!(asked instanceof ClientPosition from)) return;
        if (from.lastSeq() < 0) replay.tellPosition(session, channel.toString());
        else replay.replay(session, channel.toString(), from.lastSeq(), from.epoch());
    }
}
