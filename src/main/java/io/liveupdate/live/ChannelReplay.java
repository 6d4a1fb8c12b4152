package io.liveupdate.live;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.stream.CatchUp;
import io.liveupdate.stream.CatchUpPlan;
import io.liveupdate.wire.CatchUpExt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Catch-up on Bayeux: says on a numbered channel ({@link NumberedChannels}: a calendar, a storage) what
 * {@link CatchUp} decided for one session. Up to date: where the channel stands ({@code ext.position}). Missed
 * changes that can be sent (all kept, same epoch, at most half its queue): each as it was published
 * ({@code ext.seq}, {@code ext.epoch}), then where that left it. Otherwise the reload signal, and what the channel's
 * kind sends after it.
 *
 * <p>Live messages may reach the session before, between and after the replayed ones (it is already subscribed, so
 * nothing committed after the log is read can be missed); the client drops numbers it has and puts the rest in
 * order (js/live-catchup.js).
 */
@ApplicationScoped
public class ChannelReplay {

    private static final Logger LOG = Logger.getLogger(ChannelReplay.class.getName());

    @Inject
    CatchUp catchUp;
    @Inject
    BayeuxServer bayeux;
    @Inject
    @Any
    Instance<NumberedChannels> kinds;

    /** Whether the channel's messages are numbered, so that a client can catch up on it. */
    public boolean isNumbered(String channel) {
        return numbered(channel).isPresent();
    }

    /** The channel's last number, for a client that has seen no message yet. */
    public void tellPosition(ServerSession session, String channel) {
        numbered(channel).ifPresent(n -> {
            var head = catchUp.position(n.stream());
            session.deliver(channel, JsonValue.EMPTY_JSON_OBJECT, CatchUpExt.position(head.lastSeq(), head.epoch()));
        });
    }

    /** What a client without epochs missed: by number alone. */
    public void replay(ServerSession session, String channel, long lastSeq) {
        replay(session, channel, lastSeq, null);
    }

    /**
     * @param epoch the epoch of the client's {@code lastSeq}; another than the stream's (reset or restored since)
     *        means its number counts in a history that is gone: it is told to reload. Null: not known, the number
     *        alone decides.
     */
    public void replay(ServerSession session, String channel, long lastSeq, String epoch) {
        var numbered = numbered(channel);
        if (numbered.isEmpty()) return;
        var plan = catchUp.plan(numbered.get().stream(), lastSeq, epoch, CatchUp.replayLimit(bayeux.settings().maxQueue()));
        if (plan instanceof CatchUpPlan.Replay missed) {
            send(session, channel, numbered.get().kind(), missed);
        } else if (plan instanceof CatchUpPlan.Reload reload) {
            LOG.fine(() -> session + " missed messages " + lastSeq + "-" + reload.seq() + " of " + channel
                    + (reload.reason() == CatchUpPlan.Reason.OTHER_EPOCH ? " (epoch " + epoch + ", now " + reload.epoch() + ")" : "")
                    + ": told to reload");
            if (session.deliver(channel, JsonValue.EMPTY_JSON_OBJECT, CatchUpExt.reload(reload.seq(), reload.epoch()))) {
                numbered.get().kind().afterReload(session, channel);
            }
        } else {
            session.deliver(channel, JsonValue.EMPTY_JSON_OBJECT, CatchUpExt.position(plan.seq(), plan.epoch()));
        }
    }

    /** Each missed change as it was published, then where the last one sent leaves the client. */
    private static void send(ServerSession session, String channel, NumberedChannels kind, CatchUpPlan.Replay missed) {
        long replayed = missed.from();
        String replayedEpoch = missed.epoch();
        for (var change : missed.changes()) {
            if (!session.deliver(channel, kind.dataOf(change), CatchUpExt.seq(change.seq(), change.epoch()))) return;
            replayed = change.seq();
            replayedEpoch = change.epoch();
        }
        // The end of the answer: a client that asked and does not get it (it went into a socket that was dying)
        // asks again.
        session.deliver(channel, JsonValue.EMPTY_JSON_OBJECT, CatchUpExt.position(replayed, replayedEpoch));
    }

    /**
     * Sends the reload signal ({@code ext:{seq:<lastMissing>, epoch, reload:true}}), and what the channel's kind sends
     * after it, to each of these sessions on each of its channels numbered by {@code stream}.
     *
     * @param epoch the epoch {@code lastMissing} counts in; null when not known
     * @return how many subscriptions were told
     */
    public int reload(Collection<ServerSession> sessions, String stream, long lastMissing, String epoch) {
        int told = 0;
        for (ServerSession session : sessions) {
            for (ChannelId subscription : List.copyOf(session.subscriptions())) {
                String channel = subscription.toString();
                var numbered = numbered(channel);
                if (numbered.isEmpty() || !numbered.get().stream().equals(stream)) continue;
                if (session.deliver(channel, JsonValue.EMPTY_JSON_OBJECT, CatchUpExt.reload(lastMissing, epoch))) {
                    numbered.get().kind().afterReload(session, channel);
                    told++;
                }
            }
        }
        return told;
    }

    private Optional<Numbered> numbered(String channel) {
        for (NumberedChannels kind : kinds) {
            var stream = kind.streamOf(channel);
            if (stream.isPresent()) return Optional.of(new Numbered(kind, stream.get()));
        }
        return Optional.empty();
    }

    private record Numbered(NumberedChannels kind, String stream) {
    }
}
