package io.liveupdate.bayeux;

/**
 * Told of every client publish the server has just delivered to this server's subscribers: one that the security
 * policy and every extension accepted, on a channel that is broadcast (not {@code /service/**}). Meant for carrying
 * such messages to the subscribers of other servers; also told of a server-side publish meant for every server
 * ({@link BayeuxServer#publishToEveryServer}). Not reported: other server-side publishes ({@link BayeuxServer#publish},
 * {@link BayeuxServer#deliverPublish}), so what a listener hands out that way is never reported again, and a publish an
 * extension delivered itself ({@link Bayeux#DELIVERED}: it has its own way to the other servers).
 *
 * <p>Called on the publishing thread, after the local fan-out: implementations must be thread-safe and
 * must not block (hand the work off). One that throws is logged and changes neither the reply nor other listeners.
 */
@FunctionalInterface
public interface PublishListener {

    /**
     * @param channel the channel published on
     * @param delivery what the subscribers got ({@code channel}, {@code data}, perhaps {@code id} and an {@code ext}
     *        an extension gave it), serialised once
     */
    void published(ChannelId channel, FrozenMessage delivery);
}
