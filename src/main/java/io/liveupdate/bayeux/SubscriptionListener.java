package io.liveupdate.bayeux;

/**
 * Told when a client's subscription starts or ends, e.g. to deliver a per-client snapshot with
 * {@link ServerSession#deliver} right after a subscribe. Only new subscriptions count: the Faye 1.4.3 client
 * repeats {@code /meta/subscribe} for channels it already has, and those fire nothing.
 *
 * <p>Called on the request thread after the subscription is recorded and its reply built. A message delivered
 * from here follows the subscribe reply on long-polling (it rides on the connect reply); on WebSocket it may
 * overtake it, which the Faye client tolerates because it registers its listener before sending the subscribe.
 * A listener that throws is logged and does not affect the reply or other listeners.
 */
public interface SubscriptionListener {

    void subscribed(ServerSession session, ChannelId channel);

    default void unsubscribed(ServerSession session, ChannelId channel) {
    }
}
